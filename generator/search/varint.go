package search

// Postings are strings of base-32 varints, so that they travel inside JSON
// without escapes and decode in a few lines of JavaScript. A number is cut
// into 5-bit groups, least significant first; every group but the last is
// written with a character of contDigits, the last with one of lastDigits.
const (
	lastDigits = "0123456789abcdefghijklmnopqrstuv"
	contDigits = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
)

// appendVarint appends n, which must not be negative, to dst.
func appendVarint(dst []byte, n int) []byte {
	for n >= 32 {
		dst = append(dst, contDigits[n&31])
		n >>= 5
	}
	return append(dst, lastDigits[n])
}

// readVarint decodes the number at the start of s and returns it with the
// rest of s; ok is false when s ends inside a number or holds another byte.
func readVarint(s string) (n int, rest string, ok bool) {
	shift := 0
	for i := 0; i < len(s); i++ {
		if d := digitValue(lastDigits, s[i]); d >= 0 {
			return n | d<<shift, s[i+1:], true
		}
		d := digitValue(contDigits, s[i])
		if d < 0 || shift > 56 {
			return 0, s, false
		}
		n |= d << shift
		shift += 5
	}
	return 0, s, false
}

func digitValue(digits string, c byte) int {
	for i := 0; i < len(digits); i++ {
		if digits[i] == c {
			return i
		}
	}
	return -1
}
