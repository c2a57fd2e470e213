// Package pixabots renders pixel-art robots from 4-character IDs through the
// pixabots C ABI (include/pixabots/pixabots.h), with cgo and the standard
// library only.
//
//	ctx, err := pixabots.NewContext() // the art embedded in the library
//	if err != nil { ... }
//	defer ctx.Close()
//	png, err := ctx.Render("2156", pixabots.DefaultOptions())
//
// A Context is safe for any number of goroutines at once. Buffers the library
// hands over are copied into Go memory and released at once; failures are
// *Error values carrying the library's own message.
package pixabots

/*
// The repository's headers (version.h is generated into the build tree) and
// the library built with `cmake -B build`; CGO_CFLAGS and CGO_LDFLAGS name
// other locations (an installed library needs neither).
#cgo CFLAGS: -I${SRCDIR}/../../include -I${SRCDIR}/../../build/include
#cgo LDFLAGS: -L${SRCDIR}/../../build/src -Wl,-rpath,${SRCDIR}/../../build/src -lpixabots
#include <stdlib.h>
#include <pixabots/pixabots.h>
*/
import "C"

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// Context is a sprite pack and its catalog. The library makes a context
// immutable once created, so renders on one Context from many goroutines run
// in parallel; only freeing it must not race with them, which the read-write
// lock ensures: Close waits for calls in progress, and calls after Close fail.
type Context struct {
	mu  sync.RWMutex
	ptr *C.pxb_ctx
}

// NewContext draws with the art embedded in the library.
func NewContext() (*Context, error) {
	return newContext(func(out **C.pxb_ctx) C.pxb_status { return C.pxb_ctx_new(out) })
}

// NewContextFromDir draws with the sprite pack in dir (docs/packs.md).
func NewContextFromDir(dir string) (*Context, error) {
	cdir, err := cString(dir, "directory", ErrInvalidArgument)
	if err != nil {
		return nil, err
	}
	defer C.free(unsafe.Pointer(cdir))
	return newContext(func(out **C.pxb_ctx) C.pxb_status { return C.pxb_ctx_new_from_dir(cdir, out) })
}

// NewContextFromFiles draws with a pack held in memory: file paths inside the
// pack ("manifest.json", "eyes/visor.png") to their bytes. The bytes are
// copied; files is only read during the call.
func NewContextFromFiles(files map[string][]byte) (*Context, error) {
	paths := make([]string, 0, len(files))
	for path := range files {
		paths = append(paths, path)
	}
	// A fixed order, so a pack with two bad files always names the same one.
	sort.Strings(paths)

	// cgo forbids handing C Go memory that holds Go pointers, and the
	// pxb_pack_file array holds pointers: the array, the paths and the bytes
	// are all copied into C memory, freed when the call returns.
	count := C.size_t(len(paths))
	// C.malloc (cgo's, which never returns NULL) of at least one byte.
	array := (*C.pxb_pack_file)(C.malloc(count*C.sizeof_pxb_pack_file + 1))
	entries := unsafe.Slice(array, len(paths))
	for i := range entries {
		entries[i] = C.pxb_pack_file{}
	}
	defer func() {
		for i := range entries {
			C.free(unsafe.Pointer(entries[i].path))
			C.free(unsafe.Pointer(entries[i].data))
		}
		C.free(unsafe.Pointer(array))
	}()
	for i, path := range paths {
		cpath, err := cString(path, "pack file name", ErrInvalidArgument)
		if err != nil {
			return nil, err
		}
		entries[i].path = cpath
		data := files[path]
		copied := C.malloc(C.size_t(len(data)) + 1)
		copy(unsafe.Slice((*byte)(copied), len(data)), data)
		entries[i].data = (*C.uint8_t)(copied)
		entries[i].size = C.size_t(len(data))
	}
	return newContext(func(out **C.pxb_ctx) C.pxb_status { return C.pxb_ctx_new_from_memory(array, count, out) })
}

func newContext(create func(out **C.pxb_ctx) C.pxb_status) (*Context, error) {
	ctx := &Context{}
	if err := call(func() C.pxb_status { return create(&ctx.ptr) }); err != nil {
		return nil, err
	}
	// The safety net for a Context dropped without Close: freed when the
	// garbage collector finds it unreachable, which cannot happen during a
	// call (each call uses ctx until it returns).
	runtime.SetFinalizer(ctx, (*Context).Close)
	return ctx, nil
}

// Close frees the context, after any calls in progress on other goroutines
// return. Calls after Close fail with ErrInvalidArgument; closing twice is
// fine. It always returns nil (it satisfies io.Closer).
func (c *Context) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ptr != nil {
		C.pxb_ctx_free(c.ptr)
		c.ptr = nil
		runtime.SetFinalizer(c, nil)
	}
	return nil
}

// with runs fn on the open context under the read lock (so Close waits for
// it), and reports a failure the way call does.
func (c *Context) with(fn func(ptr *C.pxb_ctx) C.pxb_status) error {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.ptr == nil {
		return &Error{Status: ErrInvalidArgument, Message: "the context is closed"}
	}
	return call(func() C.pxb_status { return fn(c.ptr) })
}

// call runs fn, which makes one pxb_* call, and turns a failure into an
// *Error with pxb_last_error's message.
//
// pxb_last_error is per OS thread, and the Go scheduler may move a goroutine
// to another thread between two cgo calls (another goroutine could then fail
// on this thread and replace the message). Locking the goroutine to its
// thread for the call and the read keeps them together. It was chosen over
// C helpers that copy the message inside the same cgo call because it costs
// two field writes in the runtime (no system call, no copy when nothing
// fails) and lets the pxb_* functions be called directly, with no wrapper
// per function to keep in step with the header (render.go's one wrapper is
// there to avoid an allocation, not for the message).
func call(fn func() C.pxb_status) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if status := fn(); status != C.PXB_OK {
		return lastError(status)
	}
	return nil
}

// cString copies s into C memory (freed by the caller); a NUL byte, which
// would cut the C string short, is refused with status.
func cString(s, what string, status Status) (*C.char, error) {
	if err := checkNoNUL(s, what, status); err != nil {
		return nil, err
	}
	return C.CString(s), nil
}

func checkNoNUL(s, what string, status Status) error {
	if strings.IndexByte(s, 0) >= 0 {
		return &Error{Status: status, Message: fmt.Sprintf("%s %q contains a NUL byte", what, s)}
	}
	return nil
}
