#ifndef PRECIS_CPROTOBUFC_SHIM_H
#define PRECIS_CPROTOBUFC_SHIM_H
#include <protobuf-c/protobuf-c.h>
#endif
