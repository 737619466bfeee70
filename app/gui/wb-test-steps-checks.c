/* wb-test-steps-checks.c — test-driver steps for the checks page (questionnaires, checklists)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-driver.h"

const WbTestStep wb_test_steps_checks[] = {
  { NULL, NULL },
};
