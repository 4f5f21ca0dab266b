package search

import "encoding/binary"

// CutPage cuts a page into its terms as Build does, in a compact form
// that BuildCut takes instead of cutting the page again: each term in
// the order it first occurs, with where on the page it is.
func CutPage(p Page) []byte {
	pt := termsOf(p)
	var b []byte
	for _, t := range pt.order {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		ps := pt.places[t]
		b = binary.AppendUvarint(b, uint64(len(ps)))
		for _, pl := range ps {
			b = binary.AppendUvarint(b, uint64(pl.local*8+pl.field))
		}
	}
	return b
}

// uncut is the pageTerms of a page from its CutPage.
func uncut(p Page, b []byte) pageTerms {
	pt := pageTerms{places: map[string][]place{}, docs: append([]Doc{{Kind: Department, Title: p.Name, Text: p.About}}, p.Docs...)}
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		t := string(b[k : k+int(n)])
		b = b[k+int(n):]
		m, k := binary.Uvarint(b)
		b = b[k:]
		ps := make([]place, m)
		for i := range ps {
			v, k := binary.Uvarint(b)
			b = b[k:]
			ps[i] = place{local: int(v / 8), field: int(v % 8)}
		}
		pt.order = append(pt.order, t)
		pt.places[t] = ps
	}
	return pt
}
