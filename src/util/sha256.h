/* sha256.h - SHA-256 (FIPS 180-4) for the hashes of the HTML report's
 * Content-Security-Policy: none of the libraries slacheck links (libxml2,
 * ICU, jansson, cmark, libxlsxwriter, libcsv) offers one, and OpenSSL is
 * not a dependency. Not for secrets: plain, unhardened, one shot. */
#ifndef SLC_SHA256_H
#define SLC_SHA256_H

#include <stddef.h>

#define SLC_SHA256_LEN 32
/* 44 base64 characters and a NUL */
#define SLC_SHA256_B64_LEN 45

void slc_sha256(const void *data, size_t n, unsigned char out[SLC_SHA256_LEN]);
/* The digest in base64 (RFC 4648, padded), as CSP 'sha256-...' wants it. */
void slc_sha256_base64(const void *data, size_t n, char out[SLC_SHA256_B64_LEN]);

#endif
