#ifndef PORTAL_GEN_CLIBXML2_SHIM_H
#define PORTAL_GEN_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's ICU hooks would pull the system ICU headers, which clash with Foundation's own copy
   of ICU; portal-gen never touches the encoding handlers, so they are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* libxml2 prints its own messages on standard error unless told otherwise; portal-gen says what is
   wrong in its own words, so the messages of the calling thread are dropped. */
static void portal_xml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void portal_xml_silence(void) { xmlSetGenericErrorFunc(NULL, portal_xml_ignore); }
#endif
