// What to render, as pxb_options: every property's default is the library's
// (checked against pxb_options_init_size by the layout test), and the library
// itself judges every value, so its messages name the range.
using System;
using System.Runtime.InteropServices;

namespace Pixabots
{
    /// <summary>Options of Context.Render and Context.RenderInto. Reusable
    /// for any number of renders; don't change one while another thread
    /// renders with it.</summary>
    public sealed class RenderOptions
    {
        /// <summary>Tick: the still image (frame 0 of every part, no bounce).</summary>
        public const int TickStill = -1;

        /// <summary>Tick, Png and Rgba only: every tick stacked vertically.</summary>
        public const int TickAll = -2;

        // The string options as the NUL-terminated UTF-8 the library reads,
        // encoded once when set so a render per frame allocates nothing.
        private string bg;
        private byte[] bgNative;
        private string origin;
        private byte[] originNative;
        private string sheetImage;
        private byte[] sheetImageNative;

        public RenderOptions()
        {
            Size = 128;
            Saturate = 1;
            Speed = 1;
            Format = Format.Png;
            Tick = TickStill;
        }

        /// <summary>Output width and height in pixels, 32..1920.</summary>
        public int Size { get; set; }

        /// <summary>Hue rotation in degrees, any finite number.</summary>
        public double Hue { get; set; }

        /// <summary>Chroma multiplier 0..4.</summary>
        public double Saturate { get; set; }

        /// <summary>"#rrggbb" to flatten onto; null keeps the background transparent.</summary>
        public string Bg
        {
            get { return bg; }
            set { bgNative = Encode(value, "bg"); bg = value; }
        }

        /// <summary>Animation speed 0.25..4.</summary>
        public double Speed { get; set; }

        public Format Format { get; set; }

        /// <summary>Png and Rgba: TickStill, a tick 0..TickCount-1, or TickAll.</summary>
        public int Tick { get; set; }

        /// <summary>Svg: merge same-colour runs (same picture, fewer bytes).</summary>
        public bool CompactSvg { get; set; }

        /// <summary>Sheets: 0 = one row, 1..16 = a grid that many frames wide.</summary>
        public int SheetColumns { get; set; }

        /// <summary>Sheets: merge identical consecutive ticks.</summary>
        public bool MergeRepeats { get; set; }

        /// <summary>The JSON formats' URLs; null = "https://pixabots.com".</summary>
        public string Origin
        {
            get { return origin; }
            set { originNative = Encode(value, "origin"); origin = value; }
        }

        /// <summary>SheetJson's meta.image; null = "sheet.png".</summary>
        public string SheetImage
        {
            get { return sheetImage; }
            set { sheetImageNative = Encode(value, "sheet_image"); sheetImage = value; }
        }

        private static byte[] Encode(string value, string what)
        {
            if (value != null && value.IndexOf('\0') >= 0)
            {
                throw new InvalidOptionException(what + " \"" + value.Replace("\0", "\\0") +
                                                 "\" contains a NUL character");
            }
            return Utf8.ToNative(value);
        }

        /// <summary>These options as pxb_options, their strings pinned until
        /// the result is disposed.</summary>
        internal PinnedOptions Pin()
        {
            PinnedOptions pinned = new PinnedOptions();
            pinned.Value.StructSize = (uint)NativeOptions.SizeOf;
            pinned.Value.Size = Size;
            pinned.Value.Hue = Hue;
            pinned.Value.Saturate = Saturate;
            pinned.Value.Bg = PinnedOptions.Pin(bgNative, out pinned.BgHandle);
            pinned.Value.Speed = Speed;
            pinned.Value.Format = (int)Format;
            pinned.Value.Tick = Tick;
            pinned.Value.CompactSvg = CompactSvg ? 1 : 0;
            pinned.Value.SheetColumns = SheetColumns;
            pinned.Value.MergeRepeats = MergeRepeats ? 1 : 0;
            pinned.Value.Origin = PinnedOptions.Pin(originNative, out pinned.OriginHandle);
            pinned.Value.SheetImage = PinnedOptions.Pin(sheetImageNative, out pinned.SheetImageHandle);
            return pinned;
        }
    }

    /// <summary>pxb_options and the GC handles keeping its strings in place.
    /// A struct, so a render allocates nothing on the managed heap.</summary>
    internal struct PinnedOptions : IDisposable
    {
        public NativeOptions Value;
        public GCHandle BgHandle;
        public GCHandle OriginHandle;
        public GCHandle SheetImageHandle;

        internal static IntPtr Pin(byte[] text, out GCHandle handle)
        {
            if (text == null)
            {
                handle = default(GCHandle);
                return IntPtr.Zero;
            }
            handle = GCHandle.Alloc(text, GCHandleType.Pinned);
            return handle.AddrOfPinnedObject();
        }

        public void Dispose()
        {
            if (BgHandle.IsAllocated) BgHandle.Free();
            if (OriginHandle.IsAllocated) OriginHandle.Free();
            if (SheetImageHandle.IsAllocated) SheetImageHandle.Free();
        }
    }
}
