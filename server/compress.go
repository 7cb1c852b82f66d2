package server

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// compressMinSize is the smallest body worth compressing.
const compressMinSize = 512

// compress encodes response bodies with zstd or gzip when the client's
// Accept-Encoding allows, and adds Vary: Accept-Encoding. A response that
// already has a Content-Encoding (the vector tiles, stored gzipped) passes
// through untouched, as do already-compressed media types.
func compress(next http.Handler) (http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(compressMinSize))
	if err != nil {
		return nil, err
	}
	return wrap(next), nil
}
