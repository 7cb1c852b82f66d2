package server

import (
	"log/slog"
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// compressMinSize is the smallest body worth compressing.
const compressMinSize = 512

// compress encodes response bodies with zstd or gzip when the client's
// Accept-Encoding allows, and adds Vary: Accept-Encoding. A response that
// already has a Content-Encoding (the vector tiles, stored gzipped) passes
// through untouched, as do already-compressed media types.
// Its options are constants; should the library refuse them, responses go
// out uncompressed and the error is logged.
func compress(next http.Handler, log *slog.Logger) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(compressMinSize))
	if err != nil {
		log.Error("compression is off", "err", err)
		return next
	}
	return wrap(next)
}
