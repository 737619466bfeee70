/* wb-test-steps-scan.c — test-driver steps for the network scan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-driver.h"

const WbTestStep wb_test_steps_scan[] = {
  { NULL, NULL },
};
