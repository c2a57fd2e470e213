// The C ABI of include/pixabots/pixabots.h as P/Invoke declarations, and the
// structs it passes, field for field. Everything else in the binding goes
// through here; nothing outside this assembly sees these.
using System;
using System.Runtime.InteropServices;

namespace Pixabots
{
    /// <summary>struct pxb_options. Blittable (strings are pointers the caller
    /// pins), so passing it by reference copies nothing and allocates nothing.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeOptions
    {
        public uint StructSize;
        public int Size;
        public double Hue;
        public double Saturate;
        public IntPtr Bg;
        public double Speed;
        public int Format;
        public int Tick;
        public int CompactSvg;
        public int SheetColumns;
        public int MergeRepeats;
        public IntPtr Origin;
        public IntPtr SheetImage;

        /// <summary>sizeof(pxb_options) as this mirror declares it: what
        /// struct_size says, so a newer library gives the fields it has added
        /// since their defaults.</summary>
        public static readonly int SizeOf = Marshal.SizeOf(typeof(NativeOptions));
    }

    /// <summary>struct pxb_pack_file.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativePackFile
    {
        public IntPtr Path;
        public IntPtr Data;
        public UIntPtr Size;
    }

    internal static class Native
    {
        // DllImport probes libpixabots.so / pixabots.dll / libpixabots.dylib;
        // Pixabots.dll.config maps it to libpixabots.so.1 for Mono on Linux.
        internal const string Library = "pixabots";

        // 4 ID characters plus the terminating NUL.
        internal const int IdBufferSize = 5;

        /// <summary>A buffer the library handed over, copied into managed
        /// memory and released with pxb_free.</summary>
        internal static byte[] TakeBuffer(IntPtr data, UIntPtr size)
        {
            try
            {
                byte[] bytes = new byte[checked((int)size.ToUInt64())];
                Marshal.Copy(data, bytes, 0, bytes.Length);
                return bytes;
            }
            finally
            {
                pxb_free(data);
            }
        }

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_options_init_size(ref NativeOptions options, UIntPtr structSize);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr pxb_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint pxb_version_number();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr pxb_strerror(int status);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr pxb_last_error();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void pxb_free(IntPtr buffer);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_ctx_new(out ContextHandle context);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_ctx_new_from_dir(byte[] dir, out ContextHandle context);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_ctx_new_from_memory(NativePackFile[] files, UIntPtr count,
                                                           out ContextHandle context);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void pxb_ctx_free(IntPtr context);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_check_id(ContextHandle context, byte[] id);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_decode_id(ContextHandle context, byte[] id, out Combo combo);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_encode_id(ContextHandle context, ref Combo combo, [Out] byte[] outId);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_seeded_id(ContextHandle context, byte[] text, UIntPtr length,
                                                 [Out] byte[] outId);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_random_id(ContextHandle context, [Out] byte[] outId);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_combo_count(ContextHandle context, out uint count);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_combo_index(ContextHandle context, byte[] id, out uint index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_id_at(ContextHandle context, uint index, [Out] byte[] outId);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_next_id(ContextHandle context, byte[] id, [Out] byte[] outId);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_previous_id(ContextHandle context, byte[] id, [Out] byte[] outId);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_part_count(ContextHandle context, int category, out int count);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_part_name(ContextHandle context, int category, int part, out IntPtr name);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_tick_count(ContextHandle context, byte[] id, out int ticks);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_render(ContextHandle context, byte[] id, ref NativeOptions options,
                                              out IntPtr output, out UIntPtr outputSize);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_render_into(ContextHandle context, byte[] id, ref NativeOptions options,
                                                   [Out] byte[] buffer, UIntPtr capacity, out UIntPtr outputSize);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_tick_duration_ms(double speed, out int milliseconds);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_loop_duration_ms(ContextHandle context, byte[] id, double speed,
                                                        out int milliseconds);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_catalog_json(ContextHandle context, out IntPtr output, out UIntPtr outputSize);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int pxb_decode_png(byte[] data, UIntPtr size, out IntPtr rgba, out int width,
                                                  out int height);
    }
}
