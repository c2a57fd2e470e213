// The service's renders of the synthetic pack in tests/data/conformance, as
// tests/unit/conformance_test.cpp checks them: static PNGs exactly, palette-
// transformed ones (hue, saturate) within 1 per channel, ticks and SVGs exactly.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Pixabots.Tests
{
    [TestFixture]
    public class ConformanceTests
    {
        private Context context;

        [TestFixtureSetUp]
        public void Open()
        {
            context = Context.FromDirectory(TestData.Pack);
        }

        [TestFixtureTearDown]
        public void Close()
        {
            context.Dispose();
        }

        private static RenderOptions OptionsOf(Dictionary<string, object> c, Format format)
        {
            var options = new RenderOptions { Size = TestData.Int(c, "size"), Format = format };
            object value;
            if (c.TryGetValue("hue", out value)) options.Hue = (double)value;
            if (c.TryGetValue("saturate", out value)) options.Saturate = (double)value;
            if (c.TryGetValue("speed", out value)) options.Speed = (double)value;
            if (c.TryGetValue("bg", out value)) options.Bg = (string)value;
            return options;
        }

        [Test]
        public void EveryStaticReference()
        {
            List<Dictionary<string, object>> cases = TestData.Cases("png");
            Assert.AreEqual(102, cases.Count);
            foreach (Dictionary<string, object> c in cases)
            {
                string file = (string)c["file"];
                int size = TestData.Int(c, "size");
                int channels = TestData.Int(c, "channels");
                byte[] ours = context.Render((string)c["id"], OptionsOf(c, Format.Rgba));
                DecodedImage reference = Library.DecodePng(File.ReadAllBytes(Path.Combine(TestData.Conformance, file)));
                Assert.AreEqual(size, reference.Width, file);
                Assert.AreEqual(size, reference.Height, file);
                Assert.AreEqual(size * size * 4, ours.Length, file);
                if (channels == 3)
                {
                    Assert.IsTrue(ours.Where((value, i) => i % 4 == 3).All(alpha => alpha == 255), file + ": opaque on its bg");
                }
                byte[] a = TestData.Stored(ours, channels);
                byte[] b = TestData.Stored(reference.Pixels, channels);
                if (c.ContainsKey("hue") || c.ContainsKey("saturate"))
                {
                    int worst = a.Select((x, i) => Math.Abs(x - b[i])).Max();
                    Assert.LessOrEqual(worst, 1, file);
                }
                else
                {
                    Assert.AreEqual((string)c["pixelsSha256"], TestData.Sha256(a), file);
                    CollectionAssert.AreEqual(reference.Pixels, ours, file);
                }
            }
        }

        [Test]
        public void EveryTickReference()
        {
            List<Dictionary<string, object>> cases = TestData.Cases("ticks");
            Assert.IsNotEmpty(cases);
            foreach (Dictionary<string, object> c in cases)
            {
                string file = (string)c["file"];
                string id = (string)c["id"];
                Assert.AreEqual(TestData.Int(c, "ticks"), context.TickCount(id), file);
                var options = new RenderOptions { Size = TestData.Int(c, "size"), Format = Format.Rgba, Tick = RenderOptions.TickAll };
                byte[] ours = context.Render(id, options);
                Assert.AreEqual((string)c["pixelsSha256"], TestData.Sha256(ours), file);
                options.Format = Format.Png;
                CollectionAssert.AreEqual(ours, Library.DecodePng(context.Render(id, options)).Pixels, file);
            }
        }

        [Test]
        public void EverySvgReference()
        {
            List<Dictionary<string, object>> cases = TestData.Cases("svg");
            Assert.AreEqual(24, cases.Count);
            foreach (Dictionary<string, object> c in cases)
            {
                string file = (string)c["file"];
                byte[] ours = context.Render((string)c["id"], OptionsOf(c, Format.Svg));
                CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(TestData.Conformance, file)), ours, file);
            }
        }

        [Test]
        public void SeededIdsMatchTheService()
        {
            var seeded = (Dictionary<string, object>)TestData.CasesDocument["seeded"];
            Assert.AreEqual(8, seeded.Count);
            foreach (KeyValuePair<string, object> pair in seeded)
            {
                Assert.AreEqual((string)pair.Value, context.SeededId(pair.Key), pair.Key);
            }
        }

        [Test]
        public void APackFromMemoryDrawsTheSame()
        {
            var files = Directory.GetFiles(TestData.Pack, "*", SearchOption.AllDirectories)
                .ToDictionary(path => path.Substring(TestData.Pack.Length + 1).Replace('\\', '/'), File.ReadAllBytes);
            using (Context memory = Context.FromMemory(files))
            {
                var options = new RenderOptions { Size = 48, Format = Format.Rgba };
                foreach (string id in new[] { "2156", "0000", "6352" })
                {
                    CollectionAssert.AreEqual(context.Render(id, options), memory.Render(id, options), id);
                }
            }
        }
    }
}
