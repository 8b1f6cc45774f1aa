// System calls that Swift's Glibc module does not expose (they need _GNU_SOURCE): renameat2, eventfd.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/// renameat2(2): `RENAME_EXCHANGE` swaps two names in one step, `RENAME_NOREPLACE` never replaces.
static inline int portal_renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) {
    return (int)syscall(SYS_renameat2, olddirfd, oldpath, newdirfd, newpath, flags);
}

static const unsigned int portal_rename_noreplace = RENAME_NOREPLACE;
static const unsigned int portal_rename_exchange = RENAME_EXCHANGE;
