// Package sse decodes a Server-Sent Events stream as the WHATWG HTML
// standard defines it ("event stream interpretation"): lines end with LF,
// CR or CRLF; lines starting with ':' are comments; "data" lines of one
// event are joined with '\n'; a blank line dispatches the event; an event
// without data is not dispatched.
//
// The decoder is synchronous and allocation-free in the steady state: an
// [Event]'s byte slices alias internal buffers that the next call to
// [Decoder.Next] reuses.
package sse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// ErrEventTooLarge is reported when one event, or one line, exceeds the
// decoder's size limit.
var ErrEventTooLarge = errors.New("sse: event too large")

// DefaultMaxEventSize bounds an event's size for [NewDecoder].
const DefaultMaxEventSize = 32 << 20

// Event is one dispatched event. Its slices are valid until the next call
// to Next.
type Event struct {
	// Type is the value of the event's last "event" field, nil if none.
	Type []byte
	// ID is the value of the event's last "id" field, nil if none.
	ID []byte
	// Data is the event's "data" lines joined with '\n'.
	Data []byte
	// Retry is the reconnection time of a valid "retry" field, else 0.
	Retry time.Duration
}

// Decoder reads events from a stream.
type Decoder struct {
	rd      io.Reader
	buf     []byte
	r, w    int // unread bytes are buf[r:w]
	max     int
	rerr    error // the reader's error, reported once buffered bytes run out
	data    []byte
	typ     []byte
	id      []byte
	retry   time.Duration
	hasData bool
	hasType bool
	hasID   bool
	pending bool // a field line was seen since the last dispatch
	skipLF  bool // the previous line ended in CR: a leading LF belongs to it
	started bool
	ev      Event
	err     error
	done    bool
}

const initialBuffer = 64 << 10

// NewDecoder returns a decoder reading r with a 32 MiB event limit.
func NewDecoder(r io.Reader) *Decoder { return NewDecoderSize(r, DefaultMaxEventSize) }

// NewDecoderSize returns a decoder reading r whose events and lines may not
// exceed maxEvent bytes.
func NewDecoderSize(r io.Reader, maxEvent int) *Decoder {
	if maxEvent <= 0 {
		maxEvent = DefaultMaxEventSize
	}
	if maxEvent+2 >= initialBuffer {
		return &Decoder{rd: r, buf: bufferPool.Get().(*[initialBuffer]byte)[:], max: maxEvent}
	}
	return &Decoder{rd: r, buf: make([]byte, maxEvent+2), max: maxEvent}
}

// bufferPool recycles the initial buffers of released decoders.
var bufferPool = sync.Pool{New: func() any { return new([initialBuffer]byte) }}

// Release ends the decoder and hands its buffer to the next decoder: the
// slices of its last Event become invalid, and Next returns false. Call it
// only from the goroutine that calls Next.
func (d *Decoder) Release() {
	if len(d.buf) == initialBuffer {
		bufferPool.Put((*[initialBuffer]byte)(d.buf))
	}
	d.buf, d.r, d.w = nil, 0, 0
	d.ev = Event{}
	d.done = true
}

// Next advances to the next event with data. It returns false at the end
// of the stream or on an error; Err tells which.
func (d *Decoder) Next() bool {
	if d.done {
		return false
	}
	for {
		line, err := d.readLine()
		if err != nil {
			d.done = true
			switch {
			case err == io.EOF && d.pending:
				d.err = fmt.Errorf("sse: stream ended inside an event: %w", io.ErrUnexpectedEOF)
			case err != io.EOF:
				d.err = err
			}
			return false
		}
		if len(line) == 0 {
			if d.dispatch() {
				return true
			}
			continue
		}
		if err := d.field(line); err != nil {
			d.done = true
			d.err = err
			return false
		}
	}
}

// Event returns the event Next advanced to.
func (d *Decoder) Event() Event { return d.ev }

// Err returns nil after a clean end of the stream, an error wrapping
// io.ErrUnexpectedEOF when the stream ended inside an event,
// ErrEventTooLarge, or the reader's error.
func (d *Decoder) Err() error { return d.err }

// readLine returns the next line without its terminator, aliasing the
// buffer until the next call. It returns io.EOF only at a line boundary.
func (d *Decoder) readLine() ([]byte, error) {
	scanned := 0 // bytes of buf[r:w] known to hold no terminator
	for {
		if d.skipLF && d.r < d.w {
			d.skipLF = false
			if d.buf[d.r] == '\n' {
				d.r++
			}
		}
		if !d.started && d.w-d.r >= 3 {
			d.started = true
			if bytes.HasPrefix(d.buf[d.r:d.w], bom) {
				d.r += 3
			}
		}
		b := d.buf[d.r:d.w]
		if !d.skipLF && (d.started || d.rerr != nil) {
			if i := lineEnd(b, scanned); i >= 0 {
				line := b[:i]
				d.r += i + 1
				if b[i] == '\r' {
					if i+1 < len(b) {
						if b[i+1] == '\n' {
							d.r++
						}
					} else {
						d.skipLF = true
					}
				}
				return line, nil
			}
			scanned = len(b)
		}
		if d.rerr != nil {
			if len(b) > 0 {
				// A last line without terminator is an incomplete event.
				d.r = d.w
				if d.rerr == io.EOF {
					return nil, fmt.Errorf("sse: stream ended inside a line: %w", io.ErrUnexpectedEOF)
				}
			}
			return nil, d.rerr
		}
		if err := d.fill(); err != nil {
			return nil, err
		}
	}
}

var bom = []byte("\xEF\xBB\xBF")

// lineEnd finds the first CR or LF in b at or after from.
func lineEnd(b []byte, from int) int {
	b2 := b[from:]
	n := bytes.IndexByte(b2, '\n')
	limit := b2
	if n >= 0 {
		limit = b2[:n]
	}
	if c := bytes.IndexByte(limit, '\r'); c >= 0 {
		return from + c
	}
	if n >= 0 {
		return from + n
	}
	return -1
}

// fill reads more input, first making room: unread bytes move to the
// front, and the buffer grows (up to the event limit) when it is full.
func (d *Decoder) fill() error {
	if d.r > 0 {
		n := copy(d.buf, d.buf[d.r:d.w])
		d.r, d.w = 0, n
	}
	if d.w == len(d.buf) {
		if len(d.buf) >= d.max+2 {
			return ErrEventTooLarge
		}
		size := 2 * len(d.buf)
		if size > d.max+2 {
			size = d.max + 2
		}
		nb := make([]byte, size)
		copy(nb, d.buf[:d.w])
		d.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := d.rd.Read(d.buf[d.w:])
		d.w += n
		if err != nil {
			d.rerr = err
			return nil
		}
		if n > 0 {
			return nil
		}
	}
	d.rerr = io.ErrNoProgress
	return nil
}

// field interprets one non-empty line.
func (d *Decoder) field(line []byte) error {
	if line[0] == ':' {
		return nil
	}
	name, value := line, []byte(nil)
	if i := bytes.IndexByte(line, ':'); i >= 0 {
		name, value = line[:i], line[i+1:]
		if len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
	}
	switch string(name) {
	case "data":
		if len(d.data)+len(value)+1 > d.max {
			return ErrEventTooLarge
		}
		d.data = append(d.data, value...)
		d.data = append(d.data, '\n')
		d.hasData = true
	case "event":
		d.typ = append(d.typ[:0], value...)
		d.hasType = true
	case "id":
		if bytes.IndexByte(value, 0) < 0 {
			d.id = append(d.id[:0], value...)
			d.hasID = true
		}
	case "retry":
		if ms, ok := digits(value); ok {
			d.retry = time.Duration(ms) * time.Millisecond
		}
	}
	d.pending = true
	return nil
}

func digits(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// dispatch ends the current event; it reports whether one with data was
// made available.
func (d *Decoder) dispatch() bool {
	had := d.hasData
	d.ev = Event{Retry: d.retry}
	if had {
		d.ev.Data = d.data[:len(d.data)-1]
		if d.hasType {
			d.ev.Type = d.typ
		}
		if d.hasID {
			d.ev.ID = d.id
		}
	}
	d.data = d.data[:0]
	d.hasData, d.hasType, d.hasID, d.pending = false, false, false, false
	d.retry = 0
	return had
}
