"""PyTorch baseline for bench:compute: the same CNN and FixMatch step as compute.bench.ts."""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

cfg = json.loads(sys.argv[1])
torch.set_num_threads(int(cfg["threads"]))
torch.manual_seed(1)
h, w, c = cfg["shape"]
layers = []
cin = c
for i, co in enumerate(cfg["widths"]):
    layers += [nn.Conv2d(cin, co, 3, stride=1 if i == 0 else 2, padding=1, bias=False), nn.BatchNorm2d(co), nn.ReLU()]
    cin = co
net = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, 10))
net.train()
opt = torch.optim.SGD(net.parameters(), lr=0.03, momentum=0.9, nesterov=True, weight_decay=5e-4)
nl, nu = cfg["nl"], cfg["nu"]
xl = torch.rand(nl, c, h, w)
yl = torch.arange(nl) % 10
xw = torch.rand(nu, c, h, w)
xs = torch.rand(nu, c, h, w)


def step():
    with torch.no_grad():
        p = torch.softmax(net(xw), 1)
        conf, pseudo = p.max(1)
        mask = (conf >= 0.0).float()
    logits = net(torch.cat([xl, xs]))
    loss = F.cross_entropy(logits[:nl], yl) + (F.cross_entropy(logits[nl:], pseudo, reduction="none") * mask).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()


step()
times = []
for _ in range(int(cfg["reps"])):
    t0 = time.perf_counter()
    step()
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(json.dumps({"msPerStep": times[len(times) // 2], "threads": torch.get_num_threads()}))
