// Calls of the C library that need no context.
using System;

namespace Pixabots
{
    /// <summary>An image decoded to 8-bit RGBA: rows Width * 4 bytes, top row
    /// first, not premultiplied.</summary>
    public sealed class DecodedImage
    {
        internal DecodedImage(int width, int height, byte[] pixels)
        {
            Width = width;
            Height = height;
            Pixels = pixels;
        }

        public int Width { get; private set; }
        public int Height { get; private set; }
        public byte[] Pixels { get; private set; }
    }

    public static class Library
    {
        /// <summary>Version of the native library loaded: "major.minor.patch".</summary>
        public static string Version
        {
            get { return Utf8.FromNative(Native.pxb_version()); }
        }

        /// <summary>major * 10000 + minor * 100 + patch.</summary>
        public static int VersionNumber
        {
            get { return (int)Native.pxb_version_number(); }
        }

        /// <summary>Decodes a PNG of any colour type and bit depth (at most
        /// 8192 x 8192 and 2^24 pixels) to RGBA.</summary>
        public static DecodedImage DecodePng(byte[] png)
        {
            if (png == null)
            {
                throw new ArgumentNullException("png");
            }
            IntPtr rgba;
            int width;
            int height;
            Errors.Check(Native.pxb_decode_png(png, new UIntPtr((uint)png.Length), out rgba, out width, out height));
            byte[] pixels = Native.TakeBuffer(rgba, new UIntPtr((ulong)width * (ulong)height * 4));
            return new DecodedImage(width, height, pixels);
        }
    }
}
