/* fuzz.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

G_BEGIN_DECLS

/* Each fuzz target defines this one function. libFuzzer calls it with
 * generated inputs; fuzz-replay.c calls it with the committed seeds and
 * the inputs that once crashed, in the normal unit suite. It returns 0 and
 * aborts on anything wrong. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* fuzz-init.c: set-up before the first input, for libFuzzer only. */
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* Writes the message, then aborts on an error, a critical or a warning:
 * libFuzzer saves the input on SIGABRT, not on the SIGTRAP that GLib
 * raises for a fatal message. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* A critical or a warning means the code under test broke its own rules
 * (a g_return_if_fail, a GObject misuse): count it as a crash. */
static inline void
fuzz_make_warnings_fatal (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Like g_assert(), but never compiled out, and an abort. */
#define fuzz_check(expr)                                                  \
  G_STMT_START {                                                          \
    if G_LIKELY (expr) ; else                                             \
      g_error ("%s:%d: fuzz check failed: %s", __FILE__, __LINE__, #expr); \
  } G_STMT_END

G_END_DECLS
