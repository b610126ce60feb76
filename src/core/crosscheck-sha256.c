/* crosscheck-sha256.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-sha256.h"

/* An article's SHA-256 is computed each time a project is read, to see
 * whether its text was changed after it was annotated. GLib's GChecksum
 * takes 26 ms for a 5 MB article, in the reading thread that the window's
 * first frame waits for. Where the processor has the SHA extensions (most
 * x86-64 processors since 2017), they do the same in about 3 ms; elsewhere
 * GChecksum does it as before. Both give the same digest: the tests compare
 * them on many lengths and contents. */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SHA_EXTENSIONS_PATH 1
#include <cpuid.h>
#include <immintrin.h>

static const guint32 round_constants[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
have_sha_extensions (void)
{
  static gsize checked = 0;
  static gboolean have = FALSE;

  if (g_once_init_enter (&checked))
    {
      unsigned int a, b, c, d;

      /* SHA (leaf 7, EBX bit 29), SSSE3 (leaf 1, ECX bit 9), SSE4.1 (ECX bit 19). */
      if (__get_cpuid (1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19)) &&
          __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & (1u << 29)))
        have = TRUE;
      g_once_init_leave (&checked, 1);
    }

  return have;
}

/* Runs the compression function over @n_blocks blocks of 64 bytes. The
 * instructions keep the state as the words ABEF and CDGH. */
__attribute__ ((target ("sha,ssse3,sse4.1")))
static void
compress_blocks (guint32       state[8],
                 const guchar *data,
                 gsize         n_blocks)
{
  const __m128i swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i abef, cdgh, tmp;

  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xB1);   /* B A D C */
  cdgh = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1B);  /* H G F E */
  abef = _mm_alignr_epi8 (tmp, cdgh, 8);
  cdgh = _mm_blend_epi16 (cdgh, tmp, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i w[4];
      __m128i abef_before = abef;
      __m128i cdgh_before = cdgh;

      for (guint i = 0; i < 16; i++)
        {
          __m128i words;

          /* The message schedule, four words at a time: w[i % 4] holds
           * words 4i-16 to 4i-13 and becomes words 4i to 4i+3. */
          if (i < 4)
            w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), swap);
          else
            {
              __m128i next = _mm_sha256msg1_epu32 (w[i % 4], w[(i + 1) % 4]);

              next = _mm_add_epi32 (next, _mm_alignr_epi8 (w[(i + 3) % 4], w[(i + 2) % 4], 4));
              w[i % 4] = _mm_sha256msg2_epu32 (next, w[(i + 3) % 4]);
            }

          words = _mm_add_epi32 (w[i % 4], _mm_loadu_si128 ((const __m128i *) &round_constants[4 * i]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, words);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (words, 0x0E));
        }

      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  tmp = _mm_shuffle_epi32 (abef, 0x1B);   /* F E B A */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);  /* D C H G */
  _mm_storeu_si128 ((__m128i *) &state[0], _mm_blend_epi16 (tmp, cdgh, 0xF0));
  _mm_storeu_si128 ((__m128i *) &state[4], _mm_alignr_epi8 (cdgh, tmp, 8));
}

static char *
sha256_hex_with_extensions (const guchar *data,
                            gsize         length)
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128] = { 0, };
  gsize rest = length % 64;
  gsize n_tail = rest < 56 ? 64 : 128;
  guint64 bits = (guint64) length * 8;
  char *hex = g_malloc (65);

  compress_blocks (state, data, length / 64);

  /* The padding: a one bit, zeros, and the length in bits, big-endian. */
  if (rest > 0)
    memcpy (tail, data + length - rest, rest);
  tail[rest] = 0x80;
  for (guint i = 0; i < 8; i++)
    tail[n_tail - 1 - i] = (guchar) (bits >> (8 * i));
  compress_blocks (state, tail, n_tail / 64);

  for (guint i = 0; i < 8; i++)
    g_snprintf (hex + 8 * i, 9, "%08x", state[i]);

  return hex;
}
#endif

/**
 * crosscheck_sha256_hex:
 * @data: (array length=length): bytes
 * @length: how many
 *
 * What g_compute_checksum_for_data() gives for %G_CHECKSUM_SHA256, with
 * the processor's SHA instructions where it has them.
 *
 * Returns: (transfer full): the digest as 64 lowercase hexadecimal digits
 */
char *
crosscheck_sha256_hex (const void *data,
                       gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

#ifdef HAVE_SHA_EXTENSIONS_PATH
  if (have_sha_extensions ())
    return sha256_hex_with_extensions (data, length);
#endif

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}
