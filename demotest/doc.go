// Package demotest holds tests over what `make run` serves: the ewsi binary's
// serve command on an empty store, which loads the demo data (scale 1, seed 1).
// Its tests run the README's example queries verbatim and check the bounds that
// only data of that size shows (the map's cap on markers).
package demotest
