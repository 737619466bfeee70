/* wb-test-steps-new.c — test-driver steps for the new-engagement page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-driver.h"

const WbTestStep wb_test_steps_new[] = {
  { NULL, NULL },
};
