#!/usr/bin/env python3
# Per-stream difference of two class histograms (jcmd GC.class_histogram):
#   histogram-diff.py <histogram at N1 streams> <histogram at N2 streams> <N2 - N1> [rows]
import sys,re
def load(p):
    d={}
    for line in open(p):
        m=re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)',line)
        if m: d[m.group(3)]=(int(m.group(1)),int(m.group(2)))
    return d
a=load(sys.argv[1]); b=load(sys.argv[2]); n=float(sys.argv[3]); top=int(sys.argv[4]) if len(sys.argv)>4 else 40
rows=[]
for k in set(a)|set(b):
    ia,ba=a.get(k,(0,0)); ib,bb=b.get(k,(0,0))
    rows.append((bb-ba, ib-ia, k))
rows.sort(reverse=True)
tot=sum(r[0] for r in rows)
print(f"total delta {tot/n:.0f} bytes/stream")
print(f"{'bytes/stream':>12} {'inst/stream':>11}  class")
for db,di,k in rows[:top]:
    print(f"{db/n:12.0f} {di/n:11.2f}  {k}")
