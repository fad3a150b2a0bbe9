// libxml2's HTML parser and tree, for PrecisEngine's HTML article extraction.
#ifndef PRECIS_CLIBXML2_SHIM_H
#define PRECIS_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#endif
