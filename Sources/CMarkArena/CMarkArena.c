#include "CMarkArena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Each allocation is preceded by a header with its size, so that realloc knows how much to copy
// and can grow the newest allocation in place (cmark's buffers grow by realloc while text is
// appended to them, usually without anything allocated in between).
typedef struct { size_t size; size_t padding; } header;
enum { alignment = 16, first_slab = 64 * 1024, largest_slab = 16 * 1024 * 1024 };

typedef struct slab {
    struct slab *previous;
    size_t capacity;
    size_t used;
    _Alignas(16) unsigned char bytes[];
} slab;

typedef struct {
    slab *current;
    size_t reserved;
    void *newest; // the last allocation, which may grow in place or be given back by free
} arena;

static _Thread_local arena *running = NULL;

static size_t rounded(size_t size) { return (size + (alignment - 1)) & ~(size_t)(alignment - 1); }

int vcc_arena_begin(void) {
    if (running) return 0;
    arena *fresh = calloc(1, sizeof(arena));
    if (!fresh) abort();
    running = fresh;
    return 1;
}

void vcc_arena_end(void) {
    arena *done = running;
    if (!done) return;
    slab *s = done->current;
    while (s) {
        slab *previous = s->previous;
        free(s);
        s = previous;
    }
    free(done);
    running = NULL;
}

size_t vcc_arena_reserved(void) { return running ? running->reserved : 0; }

/// `size` bytes (not zeroed) from the running arena, with their header.
static void *take(size_t size) {
    arena *a = running;
    if (!a) abort(); // an allocation outside begin/end would outlive its arena
    size_t needed = sizeof(header) + rounded(size ? size : 1);
    slab *s = a->current;
    if (!s || s->capacity - s->used < needed) {
        size_t capacity = s ? s->capacity * 2 : first_slab;
        if (capacity > largest_slab) capacity = largest_slab;
        if (capacity < needed) capacity = needed;
        slab *fresh = malloc(sizeof(slab) + capacity);
        if (!fresh) abort(); // as cmark's own allocator does
        fresh->previous = s;
        fresh->capacity = capacity;
        fresh->used = 0;
        a->current = fresh;
        a->reserved += capacity;
        s = fresh;
    }
    header *h = (header *)(s->bytes + s->used);
    h->size = size;
    s->used += needed;
    a->newest = h + 1;
    return h + 1;
}

void *vcc_arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *p = take(count * size);
    memset(p, 0, count * size);
    return p;
}

void *vcc_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return take(size);
    arena *a = running;
    if (!a) abort();
    header *h = (header *)pointer - 1;
    slab *s = a->current;
    if (pointer == a->newest) {
        // The newest allocation ends where the slab's free space begins: grow or shrink it there.
        size_t start = (size_t)((unsigned char *)h - s->bytes);
        size_t needed = sizeof(header) + rounded(size ? size : 1);
        if (s->capacity - start >= needed) {
            s->used = start + needed;
            h->size = size;
            return pointer;
        }
    }
    void *moved = take(size);
    memcpy(moved, pointer, h->size < size ? h->size : size);
    return moved;
}

void vcc_arena_free(void *pointer) {
    arena *a = running;
    if (!pointer || !a || pointer != a->newest) return; // everything else goes with the arena
    // The newest allocation given back (a temporary buffer): its room is used again.
    header *h = (header *)pointer - 1;
    a->current->used = (size_t)((unsigned char *)h - a->current->bytes);
    a->newest = NULL;
}
