/* wb-engagement-view.h — one open engagement: its pages under one header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_ENGAGEMENT_VIEW (wb_engagement_view_get_type ())

G_DECLARE_FINAL_TYPE (WbEngagementView, wb_engagement_view, WB, ENGAGEMENT_VIEW, AdwBin)

GtkWidget    *wb_engagement_view_new            (void);
void          wb_engagement_view_set_engagement (WbEngagementView *self,
                                                 WbEngagement     *engagement,
                                                 const char       *path);
WbEngagement *wb_engagement_view_get_engagement (WbEngagementView *self);
GtkWidget    *wb_engagement_view_get_page       (WbEngagementView *self,
                                                 const char       *name);

G_END_DECLS
