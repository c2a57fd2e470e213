// A sprite pack and its catalog (pxb_ctx): immutable once made, so any number
// of threads may render with one context at once.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Pixabots
{
    /// <summary>Renders avatars and answers questions about IDs with one
    /// sprite pack. Thread-safe; Dispose (or the finalizer) frees the native
    /// context once every call in progress has returned.</summary>
    public sealed class Context : IDisposable
    {
        // What a null RenderOptions means: the library's defaults. Never
        // handed out, so never changed.
        private static readonly RenderOptions Defaults = new RenderOptions();

        private readonly ContextHandle handle;

        /// <summary>A context drawing with the art embedded in the library.</summary>
        public Context()
        {
            ContextHandle created;
            handle = Created(Native.pxb_ctx_new(out created), created);
        }

        private Context(ContextHandle handle)
        {
            this.handle = handle;
        }

        /// <summary>A context drawing with the pack in `directory` (docs/packs.md).</summary>
        public static Context FromDirectory(string directory)
        {
            if (directory == null)
            {
                throw new ArgumentNullException("directory");
            }
            if (directory.IndexOf('\0') >= 0)
            {
                throw new PixabotsIOException("pack directory \"" + directory.Replace("\0", "\\0") +
                                              "\" contains a NUL character");
            }
            ContextHandle created;
            int status = Native.pxb_ctx_new_from_dir(Utf8.ToNative(directory), out created);
            return new Context(Created(status, created));
        }

        /// <summary>A context drawing with a pack held in memory: each file's
        /// path inside the pack ("manifest.json", "eyes/visor.png") and bytes,
        /// which are copied.</summary>
        public static Context FromMemory(IEnumerable<KeyValuePair<string, byte[]>> files)
        {
            if (files == null)
            {
                throw new ArgumentNullException("files");
            }
            var pack = new List<NativePackFile>();
            var pins = new List<GCHandle>();
            try
            {
                foreach (KeyValuePair<string, byte[]> file in files)
                {
                    if (file.Key == null || file.Value == null)
                    {
                        throw new ArgumentNullException("files", "a pack file's path and bytes must not be null");
                    }
                    if (file.Key.IndexOf('\0') >= 0)
                    {
                        throw new InvalidPackException("pack file path \"" + file.Key.Replace("\0", "\\0") +
                                                       "\" contains a NUL character");
                    }
                    GCHandle path = GCHandle.Alloc(Utf8.ToNative(file.Key), GCHandleType.Pinned);
                    pins.Add(path);
                    GCHandle data = GCHandle.Alloc(file.Value, GCHandleType.Pinned);
                    pins.Add(data);
                    pack.Add(new NativePackFile
                    {
                        Path = path.AddrOfPinnedObject(),
                        Data = data.AddrOfPinnedObject(),
                        Size = new UIntPtr((uint)file.Value.Length),
                    });
                }
                ContextHandle created;
                int status = Native.pxb_ctx_new_from_memory(pack.ToArray(), new UIntPtr((uint)pack.Count), out created);
                return new Context(Created(status, created));
            }
            finally
            {
                foreach (GCHandle pin in pins)
                {
                    pin.Free();
                }
            }
        }

        private static ContextHandle Created(int status, ContextHandle created)
        {
            if (status != (int)Status.Ok)
            {
                PixabotsException error = Errors.For((Status)status, 0);
                if (created != null)
                {
                    created.Dispose();
                }
                throw error;
            }
            return created;
        }

        /// <summary>Frees the native context once calls in progress on other
        /// threads return; later calls throw ObjectDisposedException.</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        public bool IsDisposed
        {
            get { return handle.IsClosed; }
        }

        // ---- Rendering ----

        /// <summary>`id` rendered as options.Format (null options: a 128 px
        /// PNG), in a new array.</summary>
        public byte[] Render(string id, RenderOptions options = null)
        {
            byte[] nativeId = Utf8.Id(id);
            PinnedOptions pinned = (options ?? Defaults).Pin();
            try
            {
                IntPtr output;
                UIntPtr size;
                Errors.Check(Native.pxb_render(handle, nativeId, ref pinned.Value, out output, out size));
                return Native.TakeBuffer(output, size);
            }
            finally
            {
                pinned.Dispose();
            }
        }

        /// <summary>The same render into the caller's `buffer`, returning the
        /// bytes written. With Format.Rgba the pixels go straight into the
        /// buffer and nothing is allocated, managed or native: render each
        /// frame of a game into one reused array. A buffer too small throws
        /// BufferTooSmallException with the size needed.</summary>
        public int RenderInto(string id, RenderOptions options, byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }
            byte[] nativeId = Utf8.Id(id);
            PinnedOptions pinned = (options ?? Defaults).Pin();
            try
            {
                UIntPtr written;
                int status = Native.pxb_render_into(handle, nativeId, ref pinned.Value, buffer,
                                                    new UIntPtr((uint)buffer.Length), out written);
                if (status != (int)Status.Ok)
                {
                    throw Errors.For((Status)status, (long)written.ToUInt64());
                }
                return (int)written.ToUInt64();
            }
            finally
            {
                pinned.Dispose();
            }
        }

        /// <summary>The bytes RenderInto writes for these options: computed
        /// without rendering for Format.Rgba, by rendering for the others.</summary>
        public int RenderSize(string id, RenderOptions options = null)
        {
            byte[] nativeId = Utf8.Id(id);
            PinnedOptions pinned = (options ?? Defaults).Pin();
            try
            {
                UIntPtr needed;
                int status = Native.pxb_render_into(handle, nativeId, ref pinned.Value, null, UIntPtr.Zero,
                                                    out needed);
                if (status != (int)Status.Ok && status != (int)Status.BufferTooSmall)
                {
                    throw Errors.For((Status)status, 0);
                }
                return checked((int)needed.ToUInt64());
            }
            finally
            {
                pinned.Dispose();
            }
        }

        // ---- Timing, for engines playing the animation themselves ----

        /// <summary>Ticks the animation of `id` encodes: 16, or 8 when no part animates.</summary>
        public int TickCount(string id)
        {
            int ticks;
            Errors.Check(Native.pxb_tick_count(handle, Utf8.Id(id), out ticks));
            return ticks;
        }

        /// <summary>Milliseconds a tick is shown at `speed` (0.25..4): 72 at speed 1.</summary>
        public static int TickDurationMs(double speed = 1)
        {
            int milliseconds;
            Errors.Check(Native.pxb_tick_duration_ms(speed, out milliseconds));
            return milliseconds;
        }

        /// <summary>Milliseconds of one loop of `id` at `speed`: TickCount times TickDurationMs.</summary>
        public int LoopDurationMs(string id, double speed = 1)
        {
            int milliseconds;
            Errors.Check(Native.pxb_loop_duration_ms(handle, Utf8.Id(id), speed, out milliseconds));
            return milliseconds;
        }

        // ---- IDs and the catalog ----

        /// <summary>Whether `id` names a combination of this context's catalog.</summary>
        public bool IsValid(string id)
        {
            return id != null && id.IndexOf('\0') < 0 && Native.pxb_check_id(handle, Utf8.Id(id)) == (int)Status.Ok;
        }

        public Combo Decode(string id)
        {
            Combo combo;
            Errors.Check(Native.pxb_decode_id(handle, Utf8.Id(id), out combo));
            return combo;
        }

        public string Encode(Combo combo)
        {
            byte[] id = new byte[Native.IdBufferSize];
            Errors.Check(Native.pxb_encode_id(handle, ref combo, id));
            return Utf8.FromIdBuffer(id);
        }

        /// <summary>The service's seededId: the same text always gives the same ID.</summary>
        public string SeededId(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }
            return SeededId(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>SeededId of UTF-8 bytes (which may hold NULs: all are hashed).</summary>
        public string SeededId(byte[] utf8)
        {
            if (utf8 == null)
            {
                throw new ArgumentNullException("utf8");
            }
            byte[] id = new byte[Native.IdBufferSize];
            Errors.Check(Native.pxb_seeded_id(handle, utf8, new UIntPtr((uint)utf8.Length), id));
            return Utf8.FromIdBuffer(id);
        }

        /// <summary>A uniformly random ID (a per-thread generator seeded by the OS).</summary>
        public string RandomId()
        {
            byte[] id = new byte[Native.IdBufferSize];
            Errors.Check(Native.pxb_random_id(handle, id));
            return Utf8.FromIdBuffer(id);
        }

        /// <summary>Combinations in the catalog (10,752 for the service's).</summary>
        public int ComboCount()
        {
            uint count;
            Errors.Check(Native.pxb_combo_count(handle, out count));
            return checked((int)count);
        }

        /// <summary>The position of `id` in browse order.</summary>
        public int ComboIndex(string id)
        {
            uint index;
            Errors.Check(Native.pxb_combo_index(handle, Utf8.Id(id), out index));
            return checked((int)index);
        }

        /// <summary>The ID at `index` in browse order, 0..ComboCount()-1.</summary>
        public string IdAt(int index)
        {
            if (index < 0)
            {
                throw new InvalidIdException("combo index " + index + " is out of range: it must not be negative");
            }
            byte[] id = new byte[Native.IdBufferSize];
            Errors.Check(Native.pxb_id_at(handle, (uint)index, id));
            return Utf8.FromIdBuffer(id);
        }

        /// <summary>The ID after `id` in browse order, wrapping around.</summary>
        public string NextId(string id)
        {
            byte[] next = new byte[Native.IdBufferSize];
            Errors.Check(Native.pxb_next_id(handle, Utf8.Id(id), next));
            return Utf8.FromIdBuffer(next);
        }

        /// <summary>The ID before `id` in browse order, wrapping around.</summary>
        public string PreviousId(string id)
        {
            byte[] previous = new byte[Native.IdBufferSize];
            Errors.Check(Native.pxb_previous_id(handle, Utf8.Id(id), previous));
            return Utf8.FromIdBuffer(previous);
        }

        public int PartCount(Category category)
        {
            int count;
            Errors.Check(Native.pxb_part_count(handle, (int)category, out count));
            return count;
        }

        public string PartName(Category category, int part)
        {
            IntPtr name;
            Errors.Check(Native.pxb_part_name(handle, (int)category, part, out name));
            return Utf8.FromNative(name);
        }

        /// <summary>The catalog as JSON: {"name", "categories": {"eyes": [{"index",
        /// "digit", "name", "frames", "kind"}, ...], ...}, "combinations"}.</summary>
        public string CatalogJson()
        {
            IntPtr output;
            UIntPtr size;
            Errors.Check(Native.pxb_catalog_json(handle, out output, out size));
            return Encoding.UTF8.GetString(Native.TakeBuffer(output, size));
        }
    }
}
