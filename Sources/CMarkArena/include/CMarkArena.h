#ifndef VCC_CMARK_ARENA_H
#define VCC_CMARK_ARENA_H

#include <stddef.h>

/// A bump allocator for one cmark-gfm parse on the current thread, in the shape of cmark's
/// `cmark_mem` callbacks (calloc, realloc, free). A syntax tree is built from millions of small
/// allocations and freed as a whole when its page is done; taking them from large slabs and
/// giving the slabs back at once replaces a tenth of a laws build's CPU time spent in malloc and free.
///
/// `vcc_arena_begin` starts an arena on this thread and returns 1, or returns 0 when one is already
/// running here (a parse inside a parse): the caller then uses cmark's default allocator. Every
/// allocation through the callbacks must happen between a successful begin and its `vcc_arena_end`,
/// on the same thread; `vcc_arena_end` releases all of it at once.
int vcc_arena_begin(void);
void vcc_arena_end(void);

void *vcc_arena_calloc(size_t count, size_t size);
void *vcc_arena_realloc(void *pointer, size_t size);
void vcc_arena_free(void *pointer);

/// Bytes the current thread's arena has taken from the system (0 without an arena), for tests.
size_t vcc_arena_reserved(void);

#endif
