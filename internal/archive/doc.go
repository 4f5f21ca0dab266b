// Package archive keeps each year's publication as an immutable snapshot
// in a blobstore: every published file and the sources that produced it,
// stored once by their SHA-256 under objects/, and a manifest that lists
// them, written last under snapshots/<id>/. It verifies a snapshot
// against its manifest (and, by rebuilding, against its sources),
// restores it as a working site, and exports it as a BagIt bag.
//
// Layout of a store:
//
//	objects/sha256/<first two hex digits>/<sha256>   the files, by content
//	snapshots/<id>/pending.json                        the manifest planned, written first
//	snapshots/<id>/manifest.json                       the same manifest, written last
//
// A snapshot with pending.json and no manifest.json was interrupted: it
// is listed as incomplete, and the next archive of the same sources
// finishes it. Nothing under objects/ or snapshots/ is ever replaced or
// deleted.
package archive
