# Writes data4.wasm (4 pages, data spread over them, 64-entry table, 24 globals) and grow3.wasm (3 of 10 pages,
# 200-entry table, 40 globals) for the pool-sizing judge; the .aot images beside the test come from
#   ./wasm-aot compile --runtime P --target ISA --bounds-checks 1 -o M.P.ISA.bounds-checks.aot M.wasm
import sys
def uleb(n):
    out=b''
    while True:
        b=n&0x7f; n>>=7
        if n: out+=bytes([b|0x80])
        else: return out+bytes([b])
def sleb(n):
    out=b''
    while True:
        b=n&0x7f; n>>=7
        if (n==0 and not b&0x40) or (n==-1 and b&0x40): return out+bytes([b])
        out+=bytes([b|0x80])
def sec(i,body): return bytes([i])+uleb(len(body))+body
def vec(items): return uleb(len(items))+b''.join(items)
def name(s): return uleb(len(s))+s.encode()
def module(minp,maxp,tbl,nglob,segs,seglen):
    types=sec(1,vec([b'\x60\x00\x00']))
    funcs=sec(3,vec([uleb(0)]))
    table=sec(4,vec([b'\x70\x01'+uleb(tbl)+uleb(tbl)]))
    mem=sec(5,vec([b'\x01'+uleb(minp)+uleb(maxp)]))
    gl=[]
    for i in range(nglob):
        gl.append(b'\x7f\x01\x41'+sleb(i*7)+b'\x0b' if i%2==0 else b'\x7e\x01\x42'+sleb(i*1000003)+b'\x0b')
    glob=sec(6,vec(gl))
    exp=sec(7,vec([name('_start')+b'\x00'+uleb(0), name('memory')+b'\x02'+uleb(0)]))
    elem=sec(9,vec([b'\x00\x41\x00\x0b'+vec([uleb(0)]*tbl)]))
    code=sec(10,vec([uleb(3)+b'\x00\x01\x0b']))
    ds=[]
    for k in range(segs):
        off=k*(minp*65536//segs)
        data=bytes((k*31+j)%251 for j in range(seglen))
        ds.append(b'\x00\x41'+sleb(off)+b'\x0b'+uleb(len(data))+data)
    data=sec(11,vec(ds))
    return b'\0asm\x01\0\0\0'+types+funcs+table+mem+glob+exp+elem+code+data
open('data4.wasm','wb').write(module(4,4,64,24,3,1500))
open('grow3.wasm','wb').write(module(3,10,200,40,2,3000))

# growbyK.wasm (K = 1, 2, 4): 1 of 16 pages, no data; _start grows memory by K pages and traps (unreachable) when
# memory.grow returns -1, so the harness's run stage needs the grown pages -- what memory.grow adds per page
def grow_module(k):
    types=sec(1,vec([b'\x60\x00\x00']))
    funcs=sec(3,vec([uleb(0)]))
    mem=sec(5,vec([b'\x01'+uleb(1)+uleb(16)]))
    exp=sec(7,vec([name('_start')+b'\x00'+uleb(0), name('memory')+b'\x02'+uleb(0)]))
    body=b'\x00\x41'+sleb(k)+b'\x40\x00\x41\x7f\x46\x04\x40\x00\x0b\x0b'
    code=sec(10,vec([uleb(len(body))+body]))
    return b'\0asm\x01\0\0\0'+types+funcs+mem+exp+code
for k in (1,2,4):
    open('growby%d.wasm'%k,'wb').write(grow_module(k))

# preopensN.wasm (N = 1, 2): a WASI module whose start function (run inside wasm_runtime_instantiate) asks
# fd_prestat_get for fds 3 .. 3+N-1 and traps (unreachable) if any is not a preopened directory. cba4c782 does not
# check that its preopens fit the pool (wasm_runtime_init_wasi ignores fd_table_insert_existing's result) and
# instantiates without a directory that did not fit; with these images that instantiation fails, so the bisected
# instantiate minimum is the pool with every directory in place. Run with N --dir options.
def preopens_module(n):
    types=sec(1,vec([b'\x60\x02\x7f\x7f\x01\x7f', b'\x60\x00\x00']))
    imp=sec(2,vec([name('wasi_snapshot_preview1')+name('fd_prestat_get')+b'\x00'+uleb(0)]))
    funcs=sec(3,vec([uleb(1), uleb(1)]))
    mem=sec(5,vec([b'\x00'+uleb(1)]))
    exp=sec(7,vec([name('_start')+b'\x00'+uleb(2), name('memory')+b'\x02'+uleb(0)]))
    start=sec(8,uleb(1))
    body=b''
    for fd in range(3,3+n):
        # if fd_prestat_get(fd, 0) != 0 then unreachable
        body+=b'\x41'+sleb(fd)+b'\x41\x00\x10\x00\x04\x40\x00\x0b'
    body=b'\x00'+body+b'\x0b'
    nop=b'\x00\x0b'
    code=sec(10,vec([uleb(len(body))+body, uleb(len(nop))+nop]))
    return b'\0asm\x01\0\0\0'+types+imp+funcs+mem+exp+start+code
for n in (1,2):
    open('preopens%d.wasm'%n,'wb').write(preopens_module(n))

# passive.wasm (wamr-2.4 only: cba4c782's default build has no bulk memory): 2 of 4 pages, an active and two passive
# data segments, a 48-entry table with an active and a passive element segment, 8 globals; _start copies from one
# passive segment (memory.init) and drops both (data.drop), then initialises from and drops the passive element
# segment -- what the loader keeps for passive segments and 2.4's dropped-segment bitmaps
def passive_module():
    types=sec(1,vec([b'\x60\x00\x00']))
    funcs=sec(3,vec([uleb(0), uleb(0)]))
    table=sec(4,vec([b'\x70\x00'+uleb(48)]))
    mem=sec(5,vec([b'\x00'+uleb(2)]))
    glob=sec(6,vec([b'\x7f\x01\x41'+sleb(i*3)+b'\x0b' for i in range(8)]))
    exp=sec(7,vec([name('_start')+b'\x00'+uleb(0), name('memory')+b'\x02'+uleb(0)]))
    # active elem (flags 0) at 0 with 16 x func 1; passive elem (flags 1, elemkind 0) with 24 x func 1
    elem=sec(9,vec([b'\x00\x41\x00\x0b'+vec([uleb(1)]*16), b'\x01\x00'+vec([uleb(1)]*24)]))
    count=sec(12,uleb(3))
    body=(b'\x00'
          # memory.init 1: dst 4096, src 0, n 1000
          b'\x41'+sleb(4096)+b'\x41\x00\x41'+sleb(1000)+b'\xfc\x08'+uleb(1)+b'\x00'
          + b'\xfc\x09'+uleb(1) + b'\xfc\x09'+uleb(2)
          # table.init 1: dst 20, src 0, n 24 ; elem.drop 1
          + b'\x41'+sleb(20)+b'\x41\x00\x41'+sleb(24)+b'\xfc\x0c'+uleb(1)+b'\x00'
          + b'\xfc\x0d'+uleb(1)
          + b'\x0b')
    nop=b'\x00\x0b'
    code=sec(10,vec([uleb(len(body))+body, uleb(len(nop))+nop]))
    ds=[b'\x00\x41'+sleb(100)+b'\x0b'+vec([bytes([j%251]) for j in range(2000)]),
        b'\x01'+vec([bytes([(j*7)%251]) for j in range(1000)]),
        b'\x01'+vec([bytes([(j*11)%251]) for j in range(3000)])]
    data=sec(11,vec(ds))
    return b'\0asm\x01\0\0\0'+types+funcs+table+mem+glob+exp+elem+count+code+data
open('passive.wasm','wb').write(passive_module())
