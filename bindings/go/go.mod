module github.com/pixabots/pixabots/bindings/go

go 1.19
