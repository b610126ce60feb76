/* crosscheck-errors.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CROSSCHECK_DOCUMENT_ERROR (crosscheck_document_error_quark ())
#define CROSSCHECK_PROJECT_ERROR  (crosscheck_project_error_quark ())

/**
 * CrosscheckDocumentError:
 * @CROSSCHECK_DOCUMENT_ERROR_BINARY: the file contains NUL bytes
 * @CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE: the file is over the size limit
 * @CROSSCHECK_DOCUMENT_ERROR_EMPTY: the file has no text
 * @CROSSCHECK_DOCUMENT_ERROR_ENCODING: the text cannot be decoded
 * @CROSSCHECK_DOCUMENT_ERROR_INVALID: a value given for a document is not valid
 */
typedef enum
{
  CROSSCHECK_DOCUMENT_ERROR_BINARY,
  CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE,
  CROSSCHECK_DOCUMENT_ERROR_EMPTY,
  CROSSCHECK_DOCUMENT_ERROR_ENCODING,
  CROSSCHECK_DOCUMENT_ERROR_INVALID,
} CrosscheckDocumentError;

/**
 * CrosscheckProjectError:
 * @CROSSCHECK_PROJECT_ERROR_SYNTAX: the file is not well-formed JSON
 * @CROSSCHECK_PROJECT_ERROR_NOT_A_PROJECT: the JSON is not a Crosscheck project
 * @CROSSCHECK_PROJECT_ERROR_NEWER_VERSION: the file is from a newer Crosscheck
 * @CROSSCHECK_PROJECT_ERROR_INVALID: the project breaks a rule of the format
 * @CROSSCHECK_PROJECT_ERROR_REFUSED: an edit was refused (self-link, duplicate, …)
 * @CROSSCHECK_PROJECT_ERROR_SAVE: the project could not be written
 * @CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED: the only problems are spans and
 *   checksums that no longer match their documents' text, which
 *   crosscheck_project_reanchor_from_bytes() can repair
 */
typedef enum
{
  CROSSCHECK_PROJECT_ERROR_SYNTAX,
  CROSSCHECK_PROJECT_ERROR_NOT_A_PROJECT,
  CROSSCHECK_PROJECT_ERROR_NEWER_VERSION,
  CROSSCHECK_PROJECT_ERROR_INVALID,
  CROSSCHECK_PROJECT_ERROR_REFUSED,
  CROSSCHECK_PROJECT_ERROR_SAVE,
  CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED,
} CrosscheckProjectError;

GQuark crosscheck_document_error_quark (void);
GQuark crosscheck_project_error_quark  (void);

G_END_DECLS
