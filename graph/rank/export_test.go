package rank

// FarInLatitude exports farInLatitude to the tests of package rank_test.
var FarInLatitude = farInLatitude
