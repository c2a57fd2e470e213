// Every format, the options, IDs, the catalog and timing, with the art
// embedded in the library.
using System;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace Pixabots.Tests
{
    [TestFixture]
    public class RenderTests : EmbeddedArtFixture
    {
        private static string Ascii(byte[] bytes, int start, int count)
        {
            return Encoding.ASCII.GetString(bytes, start, count);
        }

        [Test]
        public void VersionIsTheLoadedLibrarys()
        {
            StringAssert.IsMatch(@"^\d+\.\d+\.\d+$", Library.Version);
            int[] parts = Library.Version.Split('.').Select(int.Parse).ToArray();
            Assert.AreEqual(parts[0] * 10000 + parts[1] * 100 + parts[2], Library.VersionNumber);
        }

        [Test]
        public void DefaultRenderIsA128PngOfTheRgbaRender()
        {
            byte[] png = context.Render("2156");
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }, png.Take(8).ToArray());
            DecodedImage image = Library.DecodePng(png);
            Assert.AreEqual(128, image.Width);
            Assert.AreEqual(128, image.Height);
            CollectionAssert.AreEqual(context.Render("2156", new RenderOptions { Format = Format.Rgba }), image.Pixels);
            byte[] alpha = image.Pixels.Where((b, i) => i % 4 == 3).ToArray();
            Assert.IsTrue(alpha.Any(a => a != 0), "the robot paints something");
            Assert.IsTrue(alpha.Any(a => a == 0), "the background is transparent");
            CollectionAssert.AreEqual(png, context.Render("2156", null));
        }

        [Test]
        public void EveryFormat()
        {
            Assert.AreEqual("GIF89a", Ascii(context.Render("2156", new RenderOptions { Format = Format.Gif }), 0, 6));
            byte[] webp = context.Render("2156", new RenderOptions { Format = Format.Webp });
            Assert.AreEqual("RIFF", Ascii(webp, 0, 4));
            Assert.AreEqual("WEBP", Ascii(webp, 8, 4));
            byte[] apng = context.Render("2156", new RenderOptions { Format = Format.Apng });
            StringAssert.Contains("acTL", Encoding.ASCII.GetString(apng));
            string svg = Encoding.UTF8.GetString(context.Render("2156", new RenderOptions { Format = Format.Svg, Size = 64 }));
            StringAssert.StartsWith("<svg", svg);
            string compact = Encoding.UTF8.GetString(context.Render("2156", new RenderOptions { Format = Format.Svg, Size = 64, CompactSvg = true }));
            Assert.Less(compact.Length, svg.Length);
            string meta = Encoding.UTF8.GetString(context.Render("2156", new RenderOptions { Format = Format.MetadataJson, Origin = "https://example.org" }));
            StringAssert.Contains("\"id\":\"2156\"", meta.Replace(" ", ""));
            StringAssert.Contains("https://example.org", meta);
            StringAssert.StartsWith("{", Encoding.UTF8.GetString(context.Render("2156", new RenderOptions { Format = Format.FramesJson })));
            string sheetJson = Encoding.UTF8.GetString(context.Render("2156", new RenderOptions { Format = Format.SheetJson, SheetImage = "bot.png", SheetColumns = 4 }));
            StringAssert.Contains("bot.png", sheetJson);
            DecodedImage sheet = Library.DecodePng(context.Render("2156", new RenderOptions { Format = Format.SheetPng, Size = 32, SheetColumns = 4 }));
            Assert.AreEqual(4 * 32, sheet.Width);
            DecodedImage merged = Library.DecodePng(context.Render("2156", new RenderOptions { Format = Format.SheetPng, Size = 32, MergeRepeats = true }));
            Assert.LessOrEqual(merged.Width, context.TickCount("2156") * 32);
            Assert.AreEqual(40 * 40 * 4, context.Render("2156", new RenderOptions { Format = Format.Rgba, Size = 40 }).Length);
        }

        [Test]
        public void BgTicksAndPaletteOptions()
        {
            DecodedImage flat = Library.DecodePng(context.Render("2156", new RenderOptions { Bg = "#fde68a" }));
            Assert.IsTrue(flat.Pixels.Where((b, i) => i % 4 == 3).All(a => a == 255));

            int ticks = context.TickCount("2156");
            var all = new RenderOptions { Size = 32, Tick = RenderOptions.TickAll };
            Assert.AreEqual(32 * ticks, Library.DecodePng(context.Render("2156", all)).Height);
            all.Format = Format.Rgba;
            byte[] stacked = context.Render("2156", all);
            Assert.AreEqual(32 * 32 * 4 * ticks, stacked.Length);
            Assert.AreEqual(stacked.Length, context.RenderSize("2156", all));
            byte[] third = context.Render("2156", new RenderOptions { Size = 32, Tick = 3, Format = Format.Rgba });
            CollectionAssert.AreEqual(stacked.Skip(3 * 4096).Take(4096).ToArray(), third);
            CollectionAssert.AreEqual(third, Library.DecodePng(context.Render("2156", new RenderOptions { Size = 32, Tick = 3 })).Pixels);

            byte[] plain = context.Render("2156", new RenderOptions { Format = Format.Rgba, Size = 32 });
            CollectionAssert.AreNotEqual(plain, context.Render("2156", new RenderOptions { Format = Format.Rgba, Size = 32, Hue = 120 }));
            CollectionAssert.AreNotEqual(plain, context.Render("2156", new RenderOptions { Format = Format.Rgba, Size = 32, Saturate = 0 }));
        }

        [Test]
        public void IdsAndTheCatalog()
        {
            Assert.AreEqual(10752, context.ComboCount());
            Combo combo = context.Decode("2156");
            Assert.AreEqual(new Combo(2, 1, 5, 6), combo);
            Assert.AreEqual("2156", context.Encode(combo));
            int index = context.ComboIndex("2156");
            Assert.AreEqual("2156", context.IdAt(index));
            Assert.AreEqual("0000", context.IdAt(0));
            string last = context.IdAt(context.ComboCount() - 1);
            Assert.AreEqual("0000", context.NextId(last));
            Assert.AreEqual(last, context.PreviousId("0000"));
            Assert.AreEqual("2156", context.PreviousId(context.NextId("2156")));
            Assert.IsTrue(context.IsValid("2156"));
            Assert.IsFalse(context.IsValid("zzzz"));
            Assert.IsFalse(context.IsValid("2156\0"));
            Assert.IsFalse(context.IsValid(null));
            for (int i = 0; i < 20; i++)
            {
                Assert.IsTrue(context.IsValid(context.RandomId()));
            }

            Assert.AreEqual("3409", context.SeededId("alice"));
            Assert.AreEqual("3409", context.SeededId(Encoding.UTF8.GetBytes("alice")));
            Assert.AreEqual("5006", context.SeededId(""));
            Assert.AreNotEqual(context.SeededId("a"), context.SeededId("a\0b"), "text after a NUL is hashed too");

            int[] counts = Enum.GetValues(typeof(Category)).Cast<Category>().Select(c => context.PartCount(c)).ToArray();
            CollectionAssert.AreEqual(new[] { 16, 8, 7, 12 }, counts);
            Assert.AreEqual("glasses", context.PartName(Category.Eyes, 2));

            string catalog = context.CatalogJson();
            StringAssert.Contains("\"combinations\":10752", catalog.Replace(" ", ""));
            StringAssert.Contains("\"glasses\"", catalog);
        }

        [Test]
        public void Timing()
        {
            double[] speeds = { 1, 0.25, 0.5, 2, 3, 4 };
            int[] expected = { 72, 288, 144, 36, 24, 20 };
            for (int i = 0; i < speeds.Length; i++)
            {
                Assert.AreEqual(expected[i], Context.TickDurationMs(speeds[i]), "speed " + speeds[i]);
            }
            Assert.AreEqual(72, Context.TickDurationMs());
            // One ID of each loop length: 8 ticks (nothing animates) and 16.
            string still = null;
            string moving = null;
            for (int index = 0; index < context.ComboCount() && (still == null || moving == null); index++)
            {
                string id = context.IdAt(index);
                if (context.TickCount(id) == 8) still = still ?? id;
                else moving = moving ?? id;
            }
            Assert.AreEqual(8, context.TickCount(still));
            Assert.AreEqual(16, context.TickCount(moving));
            Assert.AreEqual(8 * 72, context.LoopDurationMs(still));
            Assert.AreEqual(16 * 288, context.LoopDurationMs(moving, 0.25));
        }

        [Test]
        public void DisposedContextsRefuseCalls()
        {
            var disposed = new Context();
            Assert.IsFalse(disposed.IsDisposed);
            disposed.Dispose();
            Assert.IsTrue(disposed.IsDisposed);
            Assert.Throws<ObjectDisposedException>(() => disposed.Render("2156"));
            disposed.Dispose();
        }
    }
}
