module pixabots.local/bench/go_png128

go 1.19

require github.com/pixabots/pixabots/bindings/go v0.0.0

replace github.com/pixabots/pixabots/bindings/go => ../../../bindings/go
