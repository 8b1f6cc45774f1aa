#ifndef PORTAL_GEN_CLIBXML2_SHIM_H
#define PORTAL_GEN_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's ICU hooks would pull the system ICU headers, which clash with Foundation's own copy
   of ICU; portal-gen never touches the encoding handlers, so they are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
