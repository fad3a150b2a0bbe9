// libxml2's HTML parser and tree, for PrecisEngine's HTML article extraction.
#ifndef PRECIS_CLIBXML2_SHIM_H
#define PRECIS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so encoding.h would pull in the system's ICU headers, whose
// UErrorCode clashes with the copy Foundation bundles (_FoundationICU) in any module that sees
// both (the engine's tests, built with -c release). Precis never touches the ICU members of
// xmlCharEncodingHandler (the only place they appear), so they are left out of its view.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#endif
