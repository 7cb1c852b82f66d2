"""A real OGC API Features client (OWSLib) against EWSI Graph's /ogc.

Usage: python owslib_client.py BASE_URL COLLECTION BBOX LIMIT
Connects to BASE_URL (the /ogc landing page), reads the conformance classes and
the API definition, lists the collections, pages through the items of
COLLECTION inside BBOX (west,south,east,north) LIMIT at a time, and reads the
first item by id. Prints what it saw as one JSON object; any failure exits
non-zero with the error on stderr.
"""
import json
import sys

import owslib
from owslib.ogcapi.features import Features


def main():
    base, collection, bbox, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    box = [float(v) for v in bbox.split(",")]
    api = Features(base)
    out = {"owslib": owslib.__version__}
    out["landingLinks"] = sorted(link["rel"] for link in api.links)
    out["conformsTo"] = api.conformance()["conformsTo"]
    out["openapi"] = api.api().get("openapi")
    cols = api.collections()
    out["collections"] = [c["id"] for c in cols["collections"]]
    out["featureCollections"] = api.feature_collections()
    meta = api.collection(collection)
    out["extent"] = meta.get("extent")

    ids, pages, matched, offset = [], 0, None, 0
    while True:
        page = api.collection_items(collection, bbox=box, limit=limit, offset=offset)
        pages += 1
        matched = page["numberMatched"]
        ids += [f["id"] for f in page["features"]]
        if not any(link["rel"] == "next" for link in page["links"]) or pages > 1000:
            break
        offset += page["numberReturned"]
    out["pages"], out["numberMatched"], out["ids"] = pages, matched, ids

    if ids:
        item = api.collection_item(collection, ids[0])
        out["item"] = {"id": item["id"], "type": item["type"], "geometry": item["geometry"]["type"]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
