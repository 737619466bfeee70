/* wb-init.h — process-wide set-up every front end calls first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Initialises libgcrypt with secure memory, turns off core dumps (the Argon2 working
 * memory is ordinary heap) and binds the translation domain. Safe to call twice.
 * FALSE with a plain-words message if secure memory cannot be had. */
gboolean wb_init (GError **error);

G_END_DECLS
