#ifndef PORTAL_GEN_CCMARK_SHIM_H
#define PORTAL_GEN_CCMARK_SHIM_H
#include <cmark.h>
#endif
