package webmap

import (
	"errors"

	"ewsi/graph"
)

func asErr(err error, e **graph.Error) bool { return errors.As(err, e) }
