package server

import (
	"container/list"
	"net/http"
	"sync"
)

// cache keeps recent answers to GET requests, least recently used out
// first, bounded in entries and bytes. A store being served changes only
// through the serving process (bolt's lock keeps other processes out), so
// an answer stays right until Invalidate is called after a write; there is
// no expiry by time.
type cache struct {
	mu       sync.Mutex
	gen      uint64
	maxItems int
	maxBytes int
	bytes    int
	ll       *list.List               // of *cacheEntry, most recent first
	items    map[string]*list.Element // by key
}

type cacheEntry struct {
	key   string
	ctype string
	body  []byte
}

func newCache(maxItems, maxBytes int) *cache {
	return &cache{maxItems: maxItems, maxBytes: maxBytes, ll: list.New(), items: make(map[string]*list.Element)}
}

// cacheKey is the request's path and its query parameters in a canonical
// order.
func cacheKey(r *http.Request) string {
	return r.URL.Path + "?" + r.URL.Query().Encode()
}

// generation returns the current generation: an answer computed from the
// store as it was in this generation may be put.
func (c *cache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *cache) get(key string) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*cacheEntry), true
}

// put stores an answer computed in generation gen, unless the store has
// changed since or the answer is too large to keep.
func (c *cache) put(key string, gen uint64, ctype string, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || len(body) > c.maxBytes/8 {
		return
	}
	if el, ok := c.items[key]; ok {
		c.bytes -= len(el.Value.(*cacheEntry).body)
		c.ll.Remove(el)
	}
	c.items[key] = c.ll.PushFront(&cacheEntry{key: key, ctype: ctype, body: body})
	c.bytes += len(body)
	for c.ll.Len() > c.maxItems || c.bytes > c.maxBytes {
		el := c.ll.Back()
		e := el.Value.(*cacheEntry)
		c.ll.Remove(el)
		delete(c.items, e.key)
		c.bytes -= len(e.body)
	}
}

// invalidate forgets every answer and starts a new generation.
func (c *cache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.ll.Init()
	c.items = make(map[string]*list.Element)
	c.bytes = 0
}
