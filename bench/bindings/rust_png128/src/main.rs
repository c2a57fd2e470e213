//! PNG@128 of bot 2156 through the Rust binding (Context::render,
//! Options::default()): 200 warm-up renders, then N timed; prints
//! "rust <median_us>". Built by run.sh with `cargo build --offline --release`.
use std::time::Instant;

fn main() {
    let n: usize = std::env::args().nth(1).map_or(2000, |a| a.parse().expect("iterations"));
    assert!(n >= 1);
    let ctx = pixabots::Context::new().expect("context");
    let options = pixabots::Options::default();
    let mut times = Vec::with_capacity(n);
    for i in 0..200 + n {
        let start = Instant::now();
        let png = ctx.render("2156", &options).expect("render");
        let us = start.elapsed().as_secs_f64() * 1e6;
        std::hint::black_box(png);
        if i >= 200 {
            times.push(us);
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("rust {:.1}", times[n / 2]);
}
