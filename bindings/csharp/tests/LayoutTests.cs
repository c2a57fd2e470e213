// NativeOptions is pxb_options field for field: the library fills its own
// defaults into the mirror and they land where the binding reads them, and
// RenderOptions' defaults are exactly those.
using System;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Pixabots.Tests
{
    [TestFixture]
    public class LayoutTests
    {
        [Test]
        public void TheLibraryFillsItsDefaultsWhereTheBindingReadsThem()
        {
            var filled = new NativeOptions();
            Assert.AreEqual(0, Native.pxb_options_init_size(ref filled, new UIntPtr((uint)NativeOptions.SizeOf)));
            Assert.AreEqual((uint)NativeOptions.SizeOf, filled.StructSize);
            Assert.AreEqual(128, filled.Size);
            Assert.AreEqual(0.0, filled.Hue);
            Assert.AreEqual(1.0, filled.Saturate);
            Assert.AreEqual(IntPtr.Zero, filled.Bg);
            Assert.AreEqual(1.0, filled.Speed);
            Assert.AreEqual((int)Format.Png, filled.Format);
            Assert.AreEqual(RenderOptions.TickStill, filled.Tick);
            Assert.AreEqual(0, filled.CompactSvg + filled.SheetColumns + filled.MergeRepeats);
            Assert.AreEqual(IntPtr.Zero, filled.Origin);
            Assert.AreEqual(IntPtr.Zero, filled.SheetImage);

            PinnedOptions ours = new RenderOptions().Pin();
            try
            {
                Assert.AreEqual(filled, ours.Value, "RenderOptions' defaults are the library's");
            }
            finally
            {
                ours.Dispose();
            }
        }

        [Test]
        public void StructSizeIsTheLibrarysSizeof()
        {
            // The library names the smallest layout it reads, its first
            // release's sizeof(pxb_options), when refusing a size.
            var probe = new NativeOptions();
            Assert.AreEqual((int)Status.VersionMismatch, Native.pxb_options_init_size(ref probe, UIntPtr.Zero));
            Match first = Regex.Match(Utf8.FromNative(Native.pxb_last_error()), @"\((\d+)\.\.\d+ bytes\)");
            Assert.IsTrue(first.Success, Utf8.FromNative(Native.pxb_last_error()));
            Assert.AreEqual(int.Parse(first.Groups[1].Value), NativeOptions.SizeOf);
        }

        [Test]
        public void OffsetsAreTheCOnes()
        {
            // What gcc and clang report for pixabots.h (offsetof) on x86_64
            // and aarch64; 32-bit ABIs differ in how they align doubles.
            if (IntPtr.Size != 8)
            {
                Assert.Ignore("the offsets below are the 64-bit ones");
            }
            string[] fields = { "StructSize", "Size", "Hue", "Saturate", "Bg", "Speed", "Format", "Tick",
                                "CompactSvg", "SheetColumns", "MergeRepeats", "Origin", "SheetImage" };
            int[] offsets = { 0, 4, 8, 16, 24, 32, 40, 44, 48, 52, 56, 64, 72 };
            for (int i = 0; i < fields.Length; i++)
            {
                Assert.AreEqual(offsets[i], (int)Marshal.OffsetOf(typeof(NativeOptions), fields[i]), fields[i]);
            }
            Assert.AreEqual(80, NativeOptions.SizeOf);
            Assert.AreEqual(16, Marshal.SizeOf(typeof(Combo)));
            Assert.AreEqual(24, Marshal.SizeOf(typeof(NativePackFile)));
        }
    }
}
