//! The README's example: renders 2156 a few ways into a directory, made if
//! missing. `cargo run --offline --example render -- OUT_DIR` (default: the
//! current directory).

use std::path::{Path, PathBuf};

use pixabots::{decode_png, Category, Context, Format, Options, Tick};

/// Writes `bytes` to `dir/name` whole or not at all (a temporary file renamed
/// into place); an error names the file and what went wrong.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(name);
    let part = dir.join(format!(".{}.part", name));
    std::fs::write(&part, bytes).and_then(|()| std::fs::rename(&part, &path)).map_err(|error| {
        let _ = std::fs::remove_file(&part);
        format!("cannot write {}: {}", path.display(), error)
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&out)
        .map_err(|error| format!("cannot create the output directory {}: {}", out.display(), error))?;
    let ctx = Context::new()?; // the art embedded in the library

    let png = ctx.render("2156", &Options::default())?; // 128 x 128 PNG
    write(&out, "bot.png", &png)?;

    let options = Options { size: 256, hue: 200.0, bg: Some("#fde68a".into()), ..Options::default() };
    write(&out, "tinted.png", &ctx.render("2156", &options)?)?;
    write(&out, "bot.gif", &ctx.render("2156", &Options { format: Format::Gif, ..Options::default() })?)?;
    let tick3 =
        ctx.render("2156", &Options { format: Format::Rgba, tick: Tick::At(3), ..Options::default() })?;

    let id = ctx.seeded_id("alice")?; // "3409", as on the service
    let combo = ctx.decode(&id)?; // Combo { eyes, heads, body, top }
    println!("{} has {} eyes", id, ctx.part_name(Category::Eyes, combo.eyes)?);

    let image = decode_png(&png)?; // Image { width, height, pixels: RGBA }
    assert_eq!(image.pixels.len(), tick3.len());

    match ctx.render("zzzz", &Options::default()) {
        Err(e) => println!("{:?}: {}", e.status, e.message), // InvalidId: invalid ID "zzzz": ...
        Ok(_) => unreachable!(),
    }
    Ok(())
}
