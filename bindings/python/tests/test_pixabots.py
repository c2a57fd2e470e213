"""Tests of the pixabots Python binding (standard library unittest only).

Run by ctest as python_binding with PIXABOTS_LIBRARY (the built library),
PYTHONPATH (this package) and PIXABOTS_TEST_DATA (tests/data) set; by hand:

    PIXABOTS_LIBRARY=build/src/libpixabots.so.1 PYTHONPATH=bindings/python \
        python3 -m unittest discover -s bindings/python/tests -v
"""

import array
import gc
import hashlib
import json
import os
import pickle
import threading
import unittest
import zlib
from pathlib import Path

import pixabots
import png_reader

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("PIXABOTS_TEST_DATA", HERE.parents[2] / "tests" / "data"))
CONFORMANCE = DATA / "conformance"


def conformance_cases(kind):
    cases = json.loads((CONFORMANCE / "cases.json").read_text(encoding="utf-8"))
    return [c for c in cases["cases"] if c["kind"] == kind]


def case_options(case):
    options = {"size": case["size"]}
    for key in ("hue", "saturate", "bg", "speed"):
        if key in case:
            options[key] = case[key]
    return options


def stored_pixels(rgba, channels):
    """RGBA as the reference stores it: RGB when the case has a background."""
    if channels == 4:
        return rgba
    return bytes(b for i, b in enumerate(rgba) if i % 4 != 3)


class ModuleTest(unittest.TestCase):
    def test_version(self):
        self.assertRegex(pixabots.version(), r"^\d+\.\d+\.\d+$")
        major, minor, patch = map(int, pixabots.version().split("."))
        self.assertEqual(pixabots.version_number(), major * 10000 + minor * 100 + patch)

    def test_decode_png_rejects_garbage(self):
        with self.assertRaises(pixabots.CodecError) as caught:
            pixabots.decode_png(b"definitely not a png")
        self.assertIsInstance(caught.exception, ValueError)
        self.assertEqual(caught.exception.status, 5)
        self.assertTrue(str(caught.exception))
        with self.assertRaises(TypeError):
            pixabots.decode_png(5)

    def test_errors_are_the_languages_usual_ones(self):
        self.assertTrue(issubclass(pixabots.InvalidIdError, ValueError))
        self.assertTrue(issubclass(pixabots.InvalidOptionError, ValueError))
        self.assertTrue(issubclass(pixabots.PixabotsIOError, OSError))
        for cls in (pixabots.InvalidIdError, pixabots.PixabotsIOError, pixabots.BufferTooSmallError):
            self.assertTrue(issubclass(cls, pixabots.PixabotsError))


class EmbeddedTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ctx = pixabots.Context()

    @classmethod
    def tearDownClass(cls):
        cls.ctx.close()

    def test_renders_2156_to_a_png_that_decodes(self):
        png = self.ctx.render("2156")
        self.assertIsInstance(png, bytes)
        self.assertEqual(png[:8], png_reader.SIGNATURE)
        info = png_reader.header(png)
        self.assertEqual((info["width"], info["height"]), (128, 128))

        width, height, pixels = pixabots.decode_png(png)
        self.assertEqual((width, height, len(pixels)), (128, 128, 128 * 128 * 4))
        # The binding's raw render, the library's decoder and an independent
        # decoder all agree.
        self.assertEqual(bytes(self.ctx.render_rgba("2156")), pixels)
        self.assertEqual(png_reader.decode(png), (128, 128, pixels))
        self.assertTrue(any(pixels[3::4]), "the robot paints something")
        self.assertIn(0, pixels[3::4], "the background is transparent")

    def test_idat_inflates_to_the_declared_rows(self):
        png = self.ctx.render("2156", size=100)
        info = png_reader.header(png)
        idat = b"".join(p for kind, p in png_reader.chunks(png) if kind == "IDAT")
        bits = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[info["color"]] * info["depth"]
        self.assertEqual(len(zlib.decompress(idat)), 100 * (1 + (100 * bits + 7) // 8))

    def test_bad_id_raises_invalid_id_error_naming_the_problem(self):
        with self.assertRaises(pixabots.InvalidIdError) as caught:
            self.ctx.render("g000")
        error = caught.exception
        self.assertIsInstance(error, ValueError)
        self.assertEqual(error.status, 1)
        self.assertEqual(error.reason, "invalid pixabot ID")
        self.assertIn('invalid ID "g000"', str(error))
        self.assertIn("eyes index 16 is out of range 0..15", str(error))

        with self.assertRaisesRegex(pixabots.InvalidIdError, "exactly 4 characters.*got 3"):
            self.ctx.decode("215")
        with self.assertRaisesRegex(pixabots.InvalidIdError, "upper case"):
            self.ctx.tick_count("2A56")
        # A NUL would cut the C string short: refused, not read as "2156".
        with self.assertRaisesRegex(pixabots.InvalidIdError, "NUL"):
            self.ctx.render("2156\0")
        with self.assertRaises(TypeError):
            self.ctx.render(2156)
        self.assertFalse(self.ctx.is_valid("zzzz"))
        self.assertTrue(self.ctx.is_valid("2156"))

    def test_bad_options_raise_invalid_option_error(self):
        with self.assertRaises(pixabots.InvalidOptionError) as caught:
            self.ctx.render("2156", size=20)
        self.assertIsInstance(caught.exception, ValueError)
        self.assertEqual(caught.exception.status, 2)
        self.assertIn("size 20", str(caught.exception))
        self.assertIn("32 and 1920", str(caught.exception))
        # Beyond int32 the binding refuses rather than letting ctypes wrap the value.
        with self.assertRaisesRegex(pixabots.InvalidOptionError, "32 and 1920"):
            self.ctx.render("2156", size=2**32 + 128)
        with self.assertRaisesRegex(pixabots.InvalidOptionError, "saturate"):
            self.ctx.render("2156", saturate=9)
        with self.assertRaisesRegex(pixabots.InvalidOptionError, "speed"):
            self.ctx.render("2156", format="gif", speed=0.1)
        with self.assertRaises(pixabots.InvalidOptionError):
            self.ctx.render("2156", bg="yellow")
        with self.assertRaisesRegex(pixabots.InvalidOptionError, "tick 16"):
            self.ctx.render("2156", tick=16)
        with self.assertRaisesRegex(pixabots.InvalidOptionError, "png and rgba"):
            self.ctx.render("2156", format="gif", tick=3)
        with self.assertRaisesRegex(pixabots.InvalidOptionError, "format 'bmp'"):
            self.ctx.render("2156", format="bmp")
        with self.assertRaises(pixabots.InvalidOptionError):
            self.ctx.render_text("2156", format="png")
        with self.assertRaises(TypeError):
            self.ctx.render("2156", size=128.5)
        with self.assertRaises(TypeError):
            self.ctx.render("2156", colour="red")

    def test_seeded_ids_match_the_javascript_core(self):
        cases = json.loads((CONFORMANCE / "cases.json").read_text(encoding="utf-8"))["seeded"]
        self.assertEqual(len(cases), 8)
        for seed, expected in cases.items():
            with self.subTest(seed=seed):
                self.assertEqual(self.ctx.seeded_id(seed), expected)
        self.assertEqual(self.ctx.seeded_id("alice"), "3409")
        self.assertEqual(self.ctx.seeded_id(b"alice"), "3409")
        self.assertEqual(self.ctx.seeded_id(""), "5006")
        # Text with NUL bytes is hashed whole (the length is passed).
        self.assertEqual(self.ctx.seeded_id("a\0b"), self.ctx.seeded_id("a\0b"))
        self.assertNotEqual(self.ctx.seeded_id("a\0b"), self.ctx.seeded_id("a"))

    def test_ids_and_catalog(self):
        ctx = self.ctx
        self.assertEqual(ctx.combo_count(), 10752)
        combo = ctx.decode("2156")
        self.assertEqual(combo, pixabots.Combo(eyes=2, heads=1, body=5, top=6))
        self.assertEqual(ctx.encode(combo), "2156")
        self.assertEqual(ctx.encode([2, 1, 5, 6]), "2156")
        with self.assertRaisesRegex(pixabots.InvalidIdError, "eyes index 99"):
            ctx.encode((99, 0, 0, 0))
        with self.assertRaises(pixabots.InvalidIdError):
            ctx.encode((0, 0, 0))

        index = ctx.combo_index("2156")
        self.assertEqual(ctx.id_at(index), "2156")
        self.assertEqual(ctx.id_at(0), "0000")
        last = ctx.id_at(ctx.combo_count() - 1)
        self.assertEqual(ctx.next_id(last), "0000")
        self.assertEqual(ctx.previous_id("0000"), last)
        self.assertEqual(ctx.previous_id(ctx.next_id("2156")), "2156")
        with self.assertRaisesRegex(pixabots.InvalidIdError, "combo index 10752 is out of range"):
            ctx.id_at(10752)
        with self.assertRaisesRegex(pixabots.InvalidIdError, "out of range"):
            ctx.id_at(2**32)  # would wrap to 0 in a uint32
        with self.assertRaises(pixabots.InvalidIdError):
            ctx.id_at(-1)

        for _ in range(20):
            self.assertTrue(ctx.is_valid(ctx.random_id()))

        self.assertEqual([ctx.part_count(c) for c in pixabots.Category], [16, 8, 7, 12])
        self.assertEqual(ctx.part_count("eyes"), 16)
        self.assertEqual(ctx.part_name("eyes", 2), "glasses")
        self.assertEqual(ctx.part_name(pixabots.Category.EYES, 2), ctx.part_names(0)[2])
        self.assertEqual(len(ctx.part_names("top")), 12)
        with self.assertRaises(pixabots.PixabotsError):
            ctx.part_name("eyes", 16)
        with self.assertRaises(pixabots.InvalidArgumentError):
            ctx.part_count("hats")
        with self.assertRaises(pixabots.InvalidArgumentError):
            ctx.part_count(4)
        self.assertIn(ctx.tick_count("2156"), (8, 16))

    def test_timing(self):
        for speed, ms in ((1, 72), (0.25, 288), (0.5, 144), (2, 36), (3, 24), (4, 20)):
            self.assertEqual(pixabots.tick_duration_ms(speed), ms)
            self.assertEqual(ms, max(20, int(72 / speed + 0.5)))
        self.assertEqual(pixabots.tick_duration_ms(), 72)
        with self.assertRaisesRegex(pixabots.InvalidOptionError, r"speed 5 is out of range: must be between 0.25 and 4"):
            pixabots.tick_duration_ms(5)
        ctx = self.ctx
        # One ID of each loop length: 8 ticks (nothing animates) and 16.
        ids = {}
        for index in range(ctx.combo_count()):
            ids.setdefault(ctx.tick_count(ctx.id_at(index)), ctx.id_at(index))
            if len(ids) == 2:
                break
        self.assertEqual(sorted(ids), [8, 16])
        for ticks, id in ids.items():
            self.assertEqual(ctx.loop_duration_ms(id), ticks * 72)
            self.assertEqual(ctx.loop_duration_ms(id, 0.25), ticks * 288)
        with self.assertRaises(pixabots.InvalidIdError):
            ctx.loop_duration_ms("zzzz")

    def test_catalog_json(self):
        catalog = json.loads(self.ctx.catalog_json())
        self.assertEqual(catalog["combinations"], 10752)
        eyes = catalog["categories"]["eyes"]
        self.assertEqual([part["name"] for part in eyes], self.ctx.part_names("eyes"))

    def test_options_struct_is_sized_by_its_mirror(self):
        options = pixabots._options()
        self.assertEqual(options.struct_size, pixabots.ctypes.sizeof(options))
        self.assertEqual(pixabots._native.Options.struct_size.offset, 0)

    def test_formats(self):
        ctx = self.ctx
        self.assertEqual(ctx.render("2156", format="gif")[:6], b"GIF89a")
        webp = ctx.render("2156", format="webp")
        self.assertEqual((webp[:4], webp[8:12]), (b"RIFF", b"WEBP"))
        apng = ctx.render("2156", format="apng")
        self.assertIn(b"acTL", apng)
        svg = ctx.render_text("2156", format="svg", size=64)
        self.assertTrue(svg.startswith("<svg"))
        compact = ctx.render_text("2156", compact_svg=True)
        self.assertLess(len(compact), len(ctx.render_text("2156")))
        meta = json.loads(ctx.render_text("2156", format="metadata_json", origin="https://example.org"))
        self.assertEqual(meta["id"], "2156")
        self.assertIn("https://example.org", json.dumps(meta))
        json.loads(ctx.render_text("2156", format="frames_json"))
        sheet = json.loads(ctx.render_text("2156", format="sheet_json", sheet_image="bot.png", sheet_columns=4))
        self.assertIn("bot.png", json.dumps(sheet))
        sheet_png = ctx.render("2156", format="sheet_png", size=32, sheet_columns=4)
        width, height, _ = pixabots.decode_png(sheet_png)
        self.assertEqual(width, 4 * 32)
        merged = ctx.render("2156", format="sheet_png", size=32, merge_repeats=True)
        self.assertLessEqual(pixabots.decode_png(merged).width, ctx.tick_count("2156") * 32)
        self.assertEqual(len(ctx.render("2156", format="rgba", size=40)), 40 * 40 * 4)

        # bg flattens: every pixel opaque.
        _, _, flat = pixabots.decode_png(ctx.render("2156", bg="#fde68a"))
        self.assertEqual(set(flat[3::4]), {255})
        # Ticks: one tick, then all of them stacked.
        ticks = ctx.tick_count("2156")
        self.assertEqual(pixabots.decode_png(ctx.render("2156", size=32, tick="all")).height, 32 * ticks)
        self.assertEqual(pixabots.decode_png(ctx.render("2156", size=32, tick=3)).pixels,
                         bytes(ctx.render_rgba("2156", size=32, tick=3)))
        stacked = ctx.render_rgba("2156", size=32, tick="all")
        self.assertEqual(len(stacked), 32 * 32 * 4 * ticks)
        self.assertEqual(stacked[3 * 4096 : 4 * 4096], ctx.render_rgba("2156", size=32, tick=3))
        self.assertEqual(ctx.rgba_size("2156", size=32, tick="all"), 32 * 32 * 4 * ticks)

    def test_render_rgba_into_caller_buffers(self):
        ctx = self.ctx
        expected = bytes(ctx.render_rgba("2156", size=64))
        buffer = bytearray(64 * 64 * 4 + 10)
        self.assertEqual(ctx.render_rgba("2156", size=64, into=buffer), 64 * 64 * 4)
        self.assertEqual(bytes(buffer[: 64 * 64 * 4]), expected)
        self.assertEqual(buffer[64 * 64 * 4 :], bytearray(10), "nothing written past the pixels")

        # A slice of a larger buffer, through a memoryview: written in place.
        big = bytearray(b"\x5a" * (64 * 64 * 4 + 100))
        view = memoryview(big)[50 : 50 + 64 * 64 * 4]
        ctx.render_rgba("2156", size=64, into=view)
        self.assertEqual(bytes(big[50:-50]), expected)
        self.assertEqual(big[:50] + big[-50:], b"\x5a" * 100)
        # Any writable contiguous buffer with any item size.
        words = array.array("I", bytes(64 * 64 * 4))
        ctx.render_rgba("2156", size=64, into=words)
        self.assertEqual(words.tobytes(), expected)

        with self.assertRaises(pixabots.BufferTooSmallError) as caught:
            ctx.render_rgba("2156", size=64, into=bytearray(100))
        self.assertEqual(caught.exception.needed, 64 * 64 * 4)
        self.assertEqual(caught.exception.status, 7)
        self.assertIn(str(64 * 64 * 4), str(caught.exception))
        with self.assertRaises(pixabots.BufferTooSmallError) as caught:
            ctx.render_rgba("2156", size=64, into=bytearray())
        self.assertEqual(caught.exception.needed, 64 * 64 * 4)
        with self.assertRaises(TypeError):
            ctx.render_rgba("2156", size=64, into=bytes(64 * 64 * 4))
        # The bytearray can be resized again once the call is over.
        buffer.extend(b"x")
        # Errors other than the size are reported before writing anything.
        untouched = bytearray(64 * 64 * 4)
        with self.assertRaises(pixabots.InvalidIdError):
            ctx.render_rgba("zzzz", size=64, into=untouched)
        self.assertEqual(untouched, bytearray(64 * 64 * 4))

    def test_errors_pickle(self):
        try:
            self.ctx.render("2156", size=20)
        except pixabots.InvalidOptionError as error:
            copy = pickle.loads(pickle.dumps(error))
            self.assertIsInstance(copy, pixabots.InvalidOptionError)
            self.assertEqual((copy.status, str(copy)), (error.status, str(error)))

    def test_concurrent_renders_on_one_context_are_identical(self):
        ids = ["2156", "0000", "3409", "f247", "530a", "7507"]
        formats = ["png", "gif", "webp", "svg"]
        expected = {(i, f): self.ctx.render(i, format=f, size=64) for i in ids for f in formats}
        results = {}
        failures = []
        start = threading.Barrier(8)

        def work(worker):
            try:
                start.wait()
                for round_ in range(3):
                    for i in ids:
                        f = formats[(worker + round_) % len(formats)]
                        out = self.ctx.render(i, format=f, size=64)
                        results.setdefault((worker, i, f), []).append(out)
                    # errors stay on their own thread while others render
                    try:
                        self.ctx.render("2156", size=worker + 1)
                    except pixabots.InvalidOptionError as error:
                        if f"size {worker + 1} " not in str(error):
                            failures.append(f"thread {worker} got another thread's message: {error}")
            except Exception as error:  # reported below
                failures.append(f"thread {worker}: {error!r}")

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])
        self.assertEqual(sum(len(outs) for outs in results.values()), 8 * 3 * len(ids))
        for (worker, i, f), outs in results.items():
            for out in outs:
                self.assertEqual(out, expected[(i, f)], f"thread {worker}, {i} {f}")


class LifetimeTest(unittest.TestCase):
    def test_context_manager_and_close(self):
        with pixabots.Context() as ctx:
            self.assertFalse(ctx.closed)
            ctx.render("2156")
        self.assertTrue(ctx.closed)
        with self.assertRaisesRegex(ValueError, "closed"):
            ctx.render("2156")
        ctx.close()  # twice is fine
        self.assertIn("closed", repr(ctx))

    def test_garbage_collection_frees(self):
        for _ in range(50):
            pixabots.Context.from_directory(CONFORMANCE / "pack").render("2156", size=32)
        gc.collect()

    def test_close_waits_for_renders_in_progress(self):
        ctx = pixabots.Context()
        started = threading.Event()
        outcome = []

        def render():
            started.set()
            try:
                for _ in range(20):
                    outcome.append(len(ctx.render("2156", size=1920, format="png")))
            except ValueError as error:  # closed between two renders
                outcome.append(str(error))

        thread = threading.Thread(target=render)
        thread.start()
        started.wait()
        ctx.close()
        thread.join()
        self.assertTrue(ctx.closed)
        self.assertTrue(all(isinstance(o, int) or "closed" in o for o in outcome))


class ConformanceTest(unittest.TestCase):
    """The service's renders of the synthetic pack in tests/data/conformance,
    through the binding: static PNGs exactly, palette-transformed ones
    within 1 per channel, ticks exactly."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = pixabots.Context.from_directory(CONFORMANCE / "pack")

    @classmethod
    def tearDownClass(cls):
        cls.ctx.close()

    def test_2156_128_matches_the_reference(self):
        reference = (CONFORMANCE / "expected" / "2156_128.png").read_bytes()
        case = next(c for c in conformance_cases("png") if c["file"] == "expected/2156_128.png")
        ours = pixabots.decode_png(self.ctx.render("2156", size=128))
        theirs = pixabots.decode_png(reference)
        self.assertEqual((ours.width, ours.height), (128, 128))
        self.assertEqual(ours.pixels, theirs.pixels)
        self.assertEqual(png_reader.decode(reference), tuple(theirs))
        self.assertEqual(hashlib.sha256(ours.pixels).hexdigest(), case["pixelsSha256"])

    def test_every_static_reference(self):
        cases = conformance_cases("png")
        self.assertEqual(len(cases), 102)
        for case in cases:
            with self.subTest(file=case["file"]):
                options = case_options(case)
                ours = self.ctx.render_rgba(case["id"], **options)
                reference = pixabots.decode_png((CONFORMANCE / case["file"]).read_bytes())
                self.assertEqual((reference.width, reference.height), (case["size"], case["size"]))
                channels = case["channels"]
                if channels == 3:
                    self.assertEqual(set(ours[3::4]), {255})
                if "hue" in case or "saturate" in case:
                    a = stored_pixels(bytes(ours), channels)
                    b = stored_pixels(reference.pixels, channels)
                    self.assertLessEqual(max(abs(x - y) for x, y in zip(a, b)), 1)
                else:
                    self.assertEqual(
                        hashlib.sha256(stored_pixels(bytes(ours), channels)).hexdigest(), case["pixelsSha256"]
                    )
                    self.assertEqual(bytes(ours), reference.pixels)

    def test_every_tick_reference(self):
        cases = conformance_cases("ticks")
        self.assertTrue(cases)
        for case in cases:
            with self.subTest(file=case["file"]):
                self.assertEqual(self.ctx.tick_count(case["id"]), case["ticks"])
                ours = self.ctx.render_rgba(case["id"], size=case["size"], tick="all")
                self.assertEqual(hashlib.sha256(ours).hexdigest(), case["pixelsSha256"])
                png = self.ctx.render(case["id"], size=case["size"], tick="all")
                self.assertEqual(pixabots.decode_png(png).pixels, bytes(ours))

    def test_pack_from_memory_draws_the_same(self):
        root = CONFORMANCE / "pack"
        files = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
        with pixabots.Context.from_files(files) as memory:
            for id in ("2156", "0000", "6352"):
                self.assertEqual(memory.render_rgba(id, size=48), self.ctx.render_rgba(id, size=48))

    def test_bad_packs(self):
        with self.assertRaises(pixabots.PixabotsIOError) as caught:
            pixabots.Context.from_directory(CONFORMANCE / "no-such-pack")
        self.assertIsInstance(caught.exception, OSError)
        self.assertIn("no-such-pack", str(caught.exception))
        with self.assertRaises(pixabots.PixabotsError) as caught:
            pixabots.Context.from_files({"eyes/visor.png": b"not a png"})
        self.assertIn(caught.exception.status, (3, 5))
        self.assertTrue(str(caught.exception))


if __name__ == "__main__":
    unittest.main()
