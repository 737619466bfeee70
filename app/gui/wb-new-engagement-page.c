/* wb-new-engagement-page.c — the steps that create a new engagement
 *
 * The file is created at the end of the first step (the key derivation runs in a
 * thread, so the window never freezes); from then on every step writes to the open
 * engagement as the person moves on, and the window shows it like an unlocked one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-agreement-editor.h"
#include "wb-application.h"
#include "wb-gui-util.h"
#include "wb-new-engagement-page.h"

/* Shorter passphrases are refused; four unrelated words are far longer. */
#define MIN_PASSPHRASE_CHARS 8
#define GOOD_PASSPHRASE_CHARS 16

/* The roles offered for a person, in this order. */
static const WbRole roles[] = {
  WB_ROLE_CONTACT, WB_ROLE_SIGNATORY, WB_ROLE_STUDENT, WB_ROLE_TEACHER, WB_ROLE_COORDINATOR,
};

static const char *const step_names[] = { "file", "company", "people", "agreement" };

struct _WbNewEngagementPage
{
  AdwBin             parent_instance;

  char              *path;
  WbEngagement      *engagement;
  GCancellable      *cancellable;
  GPtrArray         *people_rows;

  /* Template children */
  AdwWindowTitle    *title;
  GtkButton         *back_button;
  GtkStack          *next_stack;
  GtkButton         *next_button;
  GtkSpinner        *spinner;
  GtkStack          *steps;
  AdwActionRow      *file_row;
  GtkEditable       *member_row;
  GtkEditable       *passphrase_row;
  GtkEditable       *repeat_row;
  GtkLabel          *strength_label;
  GtkLabel          *file_error;
  GtkEditable       *company_name_row;
  GtkEditable       *kvk_row;
  GtkEditable       *sbi_row;
  AdwComboRow       *size_row;
  AdwComboRow       *province_row;
  GtkLabel          *company_error;
  GtkEditable       *person_name_row;
  AdwComboRow       *role_row;
  GtkEditable       *organisation_row;
  GtkEditable       *email_row;
  GtkEditable       *phone_row;
  GtkLabel          *person_error;
  AdwPreferencesGroup *people_group;
  WbAgreementEditor *agreement_editor;
};

G_DEFINE_FINAL_TYPE (WbNewEngagementPage, wb_new_engagement_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CREATED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The text of a field without surrounding space, or NULL when empty; a new string. */
static char *
field (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text != '\0')
    return text;
  g_free (text);
  return NULL;
}

static guint
step_index (WbNewEngagementPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;
  return 0;
}

static void
show_step (WbNewEngagementPage *self,
           guint                index)
{
  const char *titles[] = {
    _("File and Passphrase"), _("Company"), _("People"), _("Agreement"),
  };
  const char *next_labels[] = { _("_Create"), _("_Next"), _("_Next"), _("_Done") };
  /* Translators: "Step 2 of 4: Company". */
  g_autofree char *subtitle = g_strdup_printf (_("Step %u of %u: %s"), index + 1,
                                               (guint) G_N_ELEMENTS (step_names),
                                               titles[index]);

  gtk_stack_set_visible_child_name (self->steps, step_names[index]);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_button_set_label (self->next_button, next_labels[index]);
  gtk_button_set_label (self->back_button, index == 0 ? _("_Cancel") : _("_Back"));
  /* The file exists once created: there is no going back to the first step. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), index != 1);
}

/* ---- step 1: file and passphrase ---- */

static void
update_file_row (WbNewEngagementPage *self)
{
  g_autofree char *display = self->path != NULL ? g_filename_display_name (self->path) : NULL;
  g_autofree char *escaped = display != NULL ? g_markup_escape_text (display, -1) : NULL;

  adw_action_row_set_subtitle (self->file_row,
                               escaped != NULL ? escaped : _("Not chosen yet"));
}

void
wb_new_engagement_page_set_path (WbNewEngagementPage *self,
                                 const char          *path)
{
  g_return_if_fail (WB_IS_NEW_ENGAGEMENT_PAGE (self));

  g_free (self->path);
  self->path = g_strdup (path);
  update_file_row (self);
  show_label (self->file_error, NULL);
}

static void
on_file_chosen (GtkWidget  *owner,
                const char *path)
{
  wb_new_engagement_page_set_path (WB_NEW_ENGAGEMENT_PAGE (owner), path);
}

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* Translators: the suggested file name; keep the .wbv extension. */
  wb_gui_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the New Engagement"),
                      _("_Save"), _("engagement.wbv"), NULL, on_file_chosen);
}

static void
on_passphrase_changed (WbNewEngagementPage *self)
{
  glong length = g_utf8_strlen (gtk_editable_get_text (self->passphrase_row), -1);

  if (length == 0)
    gtk_label_set_text (self->strength_label, "");
  else if (length < MIN_PASSPHRASE_CHARS)
    gtk_label_set_text (self->strength_label, _("Too short: use at least 8 characters."));
  else if (length < GOOD_PASSPHRASE_CHARS)
    gtk_label_set_text (self->strength_label,
                        _("Fair. Longer is stronger: four unrelated words are easy to "
                          "remember and hard to guess."));
  else
    gtk_label_set_text (self->strength_label, _("Strong enough."));
}

typedef struct {
  char *path;
  char *member;
  char *passphrase; /* wiped when freed */
} CreateJob;

static void
create_job_free (CreateJob *job)
{
  if (job->passphrase != NULL)
    explicit_bzero (job->passphrase, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job->path);
  g_free (job->member);
  g_free (job);
}

/* Argon2 takes a noticeable moment: in a thread. The engagement is handed to the main
 * thread only when it is complete. */
static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateJob *job = task_data;
  GError *error = NULL;
  WbEngagement *engagement;

  engagement = wb_engagement_create (job->path, job->member, job->passphrase, NULL, &error);
  if (engagement == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, engagement, g_object_unref);
}

static void
set_busy (WbNewEngagementPage *self,
          gboolean             busy)
{
  gtk_stack_set_visible_child_name (self->next_stack, busy ? "busy" : "button");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new.next", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new.back", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new.choose-file", !busy);
}

static void
on_create_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WbNewEngagementPage *self = WB_NEW_ENGAGEMENT_PAGE (source);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  engagement = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (engagement == NULL)
    {
      /* Everything typed stays; the message says what to change. */
      show_label (self->file_error, error->message);
      return;
    }

  gtk_editable_set_text (self->passphrase_row, "");
  gtk_editable_set_text (self->repeat_row, "");
  g_set_object (&self->engagement, engagement);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, engagement, self->path);
  show_step (self, 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->company_name_row));
}

/* The first step's checks, in the order a person fills the fields; *@retype is set
 * when the repeated passphrase is to be typed again. */
static const char *
check_file_step (WbNewEngagementPage *self,
                 gboolean            *retype)
{
  const char *passphrase = gtk_editable_get_text (self->passphrase_row);
  g_autofree char *member = field (self->member_row);

  if (self->path == NULL)
    return _("Choose where to save the engagement first.");
  if (member == NULL)
    return _("Enter your name: the history names you with every change.");
  if (g_utf8_strlen (passphrase, -1) < MIN_PASSPHRASE_CHARS)
    return _("The passphrase is too short: use at least 8 characters.");
  *retype = !g_str_equal (passphrase, gtk_editable_get_text (self->repeat_row));
  if (*retype && *gtk_editable_get_text (self->repeat_row) == '\0')
    return _("Type the passphrase once more under Repeat Passphrase.");
  if (*retype)
    return _("The two passphrases are not the same. Type them again.");
  return NULL;
}

static void
start_create (WbNewEngagementPage *self)
{
  gboolean retype = FALSE;
  const char *problem = check_file_step (self, &retype);
  g_autoptr(GTask) task = NULL;
  CreateJob *job;

  if (problem != NULL)
    {
      show_label (self->file_error, problem);
      if (retype)
        {
          gtk_editable_set_text (self->repeat_row, "");
          gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
        }
      return;
    }

  job = g_new0 (CreateJob, 1);
  job->path = g_strdup (self->path);
  job->member = field (self->member_row);
  job->passphrase = g_strdup (gtk_editable_get_text (self->passphrase_row));
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_create_done, NULL);
  g_task_set_source_tag (task, start_create);
  g_task_set_task_data (task, job, (GDestroyNotify) create_job_free);
  show_label (self->file_error, NULL);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, create_thread);
}

/* ---- step 2: company ---- */

static gboolean
save_company (WbNewEngagementPage *self)
{
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(GError) error = NULL;
  guint province = adw_combo_row_get_selected (self->province_row);

  company->name = field (self->company_name_row);
  company->kvk = field (self->kvk_row);
  company->sbi = field (self->sbi_row);
  company->size = adw_combo_row_get_selected (self->size_row);
  /* Item 0 is "Not given". */
  if (province > 0)
    company->province = g_strdup (wb_province_list ()[province - 1]);
  if (!wb_company_validate (company, &error) ||
      !wb_engagement_set_company (self->engagement, company, &error))
    {
      show_label (self->company_error, error->message);
      return FALSE;
    }
  show_label (self->company_error, NULL);
  return TRUE;
}

/* ---- step 3: people ---- */

static void reload_people (WbNewEngagementPage *self);

static void
on_remove_person (GtkButton           *button,
                  WbNewEngagementPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "person");
  g_autoptr(GError) error = NULL;

  if (!wb_engagement_remove_person (self->engagement, name, &error))
    show_label (self->person_error, error->message);
  reload_people (self);
}

static void
reload_people (WbNewEngagementPage *self)
{
  GPtrArray *people = self->engagement != NULL ? wb_engagement_get_people (self->engagement)
                                               : NULL;

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_preferences_group_remove (self->people_group, self->people_rows->pdata[i]);
  g_ptr_array_set_size (self->people_rows, 0);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      WbPerson *person = people->pdata[i];
      g_autofree char *subtitle = person->organisation != NULL
        ? g_strdup_printf ("%s, %s", wb_role_get_label (person->role), person->organisation)
        : g_strdup (wb_role_get_label (person->role));
      GtkWidget *row = wb_gui_new_row (person->name, subtitle);
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: %s is a person's name. */
      g_autofree char *label = g_strdup_printf (_("Remove %s"), person->name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "person", g_strdup (person->name), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_person), self,
                               G_CONNECT_DEFAULT);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->people_rows, row);
    }
  adw_preferences_group_set_description (self->people_group,
                                         self->people_rows->len == 0
                                         ? _("Nobody added yet.") : NULL);
}

static void
add_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WbNewEngagementPage *self = WB_NEW_ENGAGEMENT_PAGE (widget);
  g_autofree char *name = field (self->person_name_row);
  g_autoptr(WbPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (self->engagement == NULL)
    return;
  if (name == NULL)
    {
      show_label (self->person_error, _("Enter the person's name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
      return;
    }
  person = wb_person_new (name, roles[adw_combo_row_get_selected (self->role_row)]);
  person->organisation = field (self->organisation_row);
  person->email = field (self->email_row);
  person->phone = field (self->phone_row);
  if (!wb_engagement_add_person (self->engagement, person, &error))
    {
      show_label (self->person_error, error->message);
      return;
    }
  show_label (self->person_error, NULL);
  /* The role and organisation often repeat (the students of one school). */
  gtk_editable_set_text (self->person_name_row, "");
  gtk_editable_set_text (self->email_row, "");
  gtk_editable_set_text (self->phone_row, "");
  reload_people (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
}

static void
on_next_entry_activated (WbNewEngagementPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new.next", NULL);
}

static void
on_person_entry_activated (WbNewEngagementPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new.add-person", NULL);
}

/* ---- moving between steps ---- */

static void
show_agreement_step (WbNewEngagementPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  wb_agreement_editor_set_engagement (self->agreement_editor, self->engagement,
                                      WB_IS_APPLICATION (app)
                                      ? wb_application_get_plugin_host (WB_APPLICATION (app))
                                      : NULL);
  show_step (self, 3);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbNewEngagementPage *self = WB_NEW_ENGAGEMENT_PAGE (widget);

  switch (step_index (self))
    {
    case 0:
      start_create (self);
      break;
    case 1:
      if (save_company (self))
        {
          reload_people (self);
          show_step (self, 2);
          gtk_widget_grab_focus (GTK_WIDGET (self->person_name_row));
        }
      break;
    case 2:
      show_agreement_step (self);
      break;
    default:
      if (wb_agreement_editor_save (self->agreement_editor))
        g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      break;
    }
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbNewEngagementPage *self = WB_NEW_ENGAGEMENT_PAGE (widget);
  guint index = step_index (self);

  if (index == 0)
    gtk_widget_activate_action (widget, "win.show-list", NULL);
  else if (index == 3 && wb_agreement_editor_save (self->agreement_editor))
    show_step (self, 2);
  else if (index == 2)
    show_step (self, 1);
}

/* ---- public ---- */

void
wb_new_engagement_page_reset (WbNewEngagementPage *self)
{
  GtkEditable *fields[] = {
    self->member_row, self->passphrase_row, self->repeat_row, self->company_name_row,
    self->kvk_row, self->sbi_row, self->person_name_row, self->organisation_row,
    self->email_row, self->phone_row,
  };

  g_return_if_fail (WB_IS_NEW_ENGAGEMENT_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  g_clear_object (&self->engagement);
  wb_new_engagement_page_set_path (self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_editable_set_text (fields[i], "");
  adw_combo_row_set_selected (self->size_row, 0);
  adw_combo_row_set_selected (self->province_row, 0);
  adw_combo_row_set_selected (self->role_row, 0);
  show_label (self->company_error, NULL);
  show_label (self->person_error, NULL);
  reload_people (self);
  wb_agreement_editor_set_engagement (self->agreement_editor, NULL, NULL);
  show_step (self, 0);
}

WbEngagement *
wb_new_engagement_page_get_engagement (WbNewEngagementPage *self)
{
  g_return_val_if_fail (WB_IS_NEW_ENGAGEMENT_PAGE (self), NULL);

  return self->engagement;
}

const char *
wb_new_engagement_page_get_step (WbNewEngagementPage *self)
{
  g_return_val_if_fail (WB_IS_NEW_ENGAGEMENT_PAGE (self), NULL);

  return step_names[step_index (self)];
}

/* ---- the GObject ---- */

static GListModel *
size_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (WbSizeClass size = WB_SIZE_UNKNOWN; size <= WB_SIZE_LARGE; size++)
    gtk_string_list_append (list, wb_size_class_get_label (size));
  return G_LIST_MODEL (list);
}

static GListModel *
province_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const char *const *ids = wb_province_list ();

  gtk_string_list_append (list, _("Not given"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, wb_province_get_label (ids[i]));
  return G_LIST_MODEL (list);
}

static GListModel *
role_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (list, wb_role_get_label (roles[i]));
  return G_LIST_MODEL (list);
}

static void
wb_new_engagement_page_dispose (GObject *object)
{
  WbNewEngagementPage *self = WB_NEW_ENGAGEMENT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_NEW_ENGAGEMENT_PAGE);
  G_OBJECT_CLASS (wb_new_engagement_page_parent_class)->dispose (object);
}

static void
wb_new_engagement_page_finalize (GObject *object)
{
  WbNewEngagementPage *self = WB_NEW_ENGAGEMENT_PAGE (object);

  g_free (self->path);
  g_ptr_array_unref (self->people_rows);
  G_OBJECT_CLASS (wb_new_engagement_page_parent_class)->finalize (object);
}

#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, WbNewEngagementPage, name)

static void
wb_new_engagement_page_class_init (WbNewEngagementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_new_engagement_page_dispose;
  object_class->finalize = wb_new_engagement_page_finalize;

  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, WB_TYPE_ENGAGEMENT, G_TYPE_STRING);
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (WB_TYPE_AGREEMENT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-new-engagement-page.ui");
  BIND (title);
  BIND (back_button);
  BIND (next_stack);
  BIND (next_button);
  BIND (spinner);
  BIND (steps);
  BIND (file_row);
  BIND (member_row);
  BIND (passphrase_row);
  BIND (repeat_row);
  BIND (strength_label);
  BIND (file_error);
  BIND (company_name_row);
  BIND (kvk_row);
  BIND (sbi_row);
  BIND (size_row);
  BIND (province_row);
  BIND (company_error);
  BIND (person_name_row);
  BIND (role_row);
  BIND (organisation_row);
  BIND (email_row);
  BIND (phone_row);
  BIND (person_error);
  BIND (people_group);
  BIND (agreement_editor);

  gtk_widget_class_install_action (widget_class, "new.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "new.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "new.choose-file", NULL,
                                   choose_file_activated);
  gtk_widget_class_install_action (widget_class, "new.add-person", NULL,
                                   add_person_activated);
}

static void
wb_new_engagement_page_init (WbNewEngagementPage *self)
{
  g_autoptr(GListModel) sizes = size_model ();
  g_autoptr(GListModel) provinces = province_model ();
  g_autoptr(GListModel) role_list = role_model ();
  GtkEditable *next_fields[6];
  GtkEditable *person_fields[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  next_fields[0] = self->member_row;
  next_fields[1] = self->repeat_row;
  next_fields[2] = self->company_name_row;
  next_fields[3] = self->sbi_row;
  next_fields[4] = self->kvk_row;
  /* An empty repeat row then gets the focus, with the message to type it again. */
  next_fields[5] = self->passphrase_row;
  person_fields[0] = self->person_name_row;
  person_fields[1] = self->organisation_row;
  person_fields[2] = self->email_row;
  person_fields[3] = self->phone_row;
  self->people_rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->size_row, sizes);
  adw_combo_row_set_model (self->province_row, provinces);
  adw_combo_row_set_model (self->role_row, role_list);
  g_signal_connect_object (self->passphrase_row, "changed",
                           G_CALLBACK (on_passphrase_changed), self, G_CONNECT_SWAPPED);
  /* Enter in a field moves on, as the suggested button would; in the person form it
   * adds the person. */
  for (guint i = 0; i < G_N_ELEMENTS (next_fields); i++)
    g_signal_connect_object (next_fields[i], "entry-activated",
                             G_CALLBACK (on_next_entry_activated), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    g_signal_connect_object (person_fields[i], "entry-activated",
                             G_CALLBACK (on_person_entry_activated), self, G_CONNECT_SWAPPED);
  update_file_row (self);
  show_step (self, 0);
}
