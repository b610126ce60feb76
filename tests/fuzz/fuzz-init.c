/* fuzz-init.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* libFuzzer calls this once, before the first input. GLib 2.74 keeps freed
 * slices (g_slice_new) for reuse, so after most inputs more memory was
 * allocated than freed and libFuzzer ran a full LeakSanitizer scan: five
 * times slower, and AddressSanitizer cannot see misuse of slice memory.
 * GLib reads G_SLICE when it is loaded, before this runs, so the fuzzer
 * starts itself again with G_SLICE=always-malloc if it was not given. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *slice = getenv ("G_SLICE");

  if (slice == NULL || strcmp (slice, "always-malloc") != 0)
    {
      setenv ("G_SLICE", "always-malloc", 1);
      execv ("/proc/self/exe", *argv);
      perror ("fuzz: cannot restart with G_SLICE=always-malloc; going on, slower");
    }

  return 0;
}
