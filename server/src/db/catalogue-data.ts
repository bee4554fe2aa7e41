/** Built-in catalogue rows seeded at every start (idempotently). */

export const DATASETS = [
  { slug: 'moons', name: 'Two moons', numClasses: 2, shape: [2], trainSize: 2000, testSize: 1000, source: 'generated', description: 'Toy 2-D data generated from the seed (toy preset).' },
  { slug: 'blobs', name: 'Gaussian blobs', numClasses: 3, shape: [2], trainSize: 2000, testSize: 1000, source: 'generated', description: 'Toy 2-D Gaussian clusters generated from the seed (toy preset).' },
  { slug: 'mnist', name: 'MNIST', numClasses: 10, shape: [28, 28, 1], trainSize: 60000, testSize: 10000, source: 'shipped', description: 'Handwritten digits; small images shipped with the project (mini preset).' },
  { slug: 'fashion-mnist', name: 'Fashion-MNIST', numClasses: 10, shape: [28, 28, 1], trainSize: 60000, testSize: 10000, source: 'shipped', description: 'Zalando article images; shipped with the project (mini preset).' },
  { slug: 'cifar10', name: 'CIFAR-10', numClasses: 10, shape: [32, 32, 3], trainSize: 50000, testSize: 10000, source: 'user-supplied', description: 'Binary version files supplied by the user (paper preset).' },
  { slug: 'svhn', name: 'SVHN', numClasses: 10, shape: [32, 32, 3], trainSize: 73257, testSize: 26032, source: 'user-supplied', description: 'Street View House Numbers, .mat files supplied by the user (paper preset).' },
  { slug: 'stl10', name: 'STL-10', numClasses: 10, shape: [96, 96, 3], trainSize: 105000, testSize: 8000, source: 'user-supplied', description: '5,000 labeled + 100,000 unlabeled images, binary files supplied by the user (paper preset).' },
] as const;

export const ALGORITHMS = [
  { slug: 'fixmatch', name: 'FixMatch', description: 'Pseudo-labels from weakly augmented views, consistency on strong augmentation (Sohn et al. 2020).', defaults: { threshold: 0.95, lambdaU: 1, mu: 7, learningRate: 0.03, weightDecay: 0.0005, emaDecay: 0.999 } },
  { slug: 'mixmatch', name: 'MixMatch', description: 'Label guessing with sharpening and MixUp (Berthelot et al. 2019).', defaults: { temperature: 0.5, augmentations: 2, mixupAlpha: 0.75, lambdaU: 100, learningRate: 0.002, weightDecay: 0.0004 } },
  { slug: 'uda', name: 'UDA', description: 'Unsupervised data augmentation with confidence masking (Xie et al. 2020).', defaults: { threshold: 0.8, temperature: 0.4, lambdaU: 1, learningRate: 0.03, weightDecay: 0.0005 } },
  { slug: 'pseudo-label', name: 'Pseudo-Label', description: 'Hard pseudo-labels above a confidence threshold (Lee 2013).', defaults: { threshold: 0.95, lambdaU: 1, learningRate: 0.03 } },
  { slug: 'supervised', name: 'Supervised only', description: 'Trains on the labeled set alone; a baseline the unlabeled poisons cannot reach.', defaults: { learningRate: 0.03, weightDecay: 0.0005 } },
] as const;

export const PUBLICATIONS = [
  {
    slug: 'carlini2021', key: 'carlini2021',
    title: 'Poisoning the Unlabeled Dataset of Semi-Supervised Learning', authors: 'Nicholas Carlini',
    venue: 'USENIX Security 2021', year: 2021, arxiv: '2105.01622',
    bibtex: `@inproceedings{carlini2021poisoning,
  author    = {Nicholas Carlini},
  title     = {Poisoning the Unlabeled Dataset of Semi-Supervised Learning},
  booktitle = {30th {USENIX} Security Symposium ({USENIX} Security 21)},
  year      = {2021},
  eprint    = {2105.01622},
  archivePrefix = {arXiv}
}`,
  },
  {
    slug: 'shafahi2018', key: 'shafahi2018',
    title: 'Poison Frogs! Targeted Clean-Label Poisoning Attacks on Neural Networks',
    authors: 'Ali Shafahi, W. Ronny Huang, Mahyar Najibi, Octavian Suciu, Christoph Studer, Tudor Dumitras, Tom Goldstein',
    venue: 'NeurIPS 2018', year: 2018, arxiv: '1804.00792',
    bibtex: `@inproceedings{shafahi2018poison,
  author    = {Ali Shafahi and W. Ronny Huang and Mahyar Najibi and Octavian Suciu and Christoph Studer and Tudor Dumitras and Tom Goldstein},
  title     = {Poison Frogs! Targeted Clean-Label Poisoning Attacks on Neural Networks},
  booktitle = {Advances in Neural Information Processing Systems 31 (NeurIPS 2018)},
  year      = {2018},
  eprint    = {1804.00792},
  archivePrefix = {arXiv}
}`,
  },
] as const;

/** Built-in attack definitions (version 1, no owner). */
export const BUILTIN_ATTACKS = [
  { slug: 'interpolation', kind: 'interpolation', name: 'Interpolation-consistency poisoning', publication: 'carlini2021', description: 'Poisons along the path from a labeled source of class y* to the target (Carlini 2021).' },
  { slug: 'zero-knowledge-interpolation', kind: 'zero-knowledge-interpolation', name: 'Zero-knowledge interpolation', publication: 'carlini2021', description: 'Source taken from the unlabeled set, bridged over extra targets (Carlini 2021, Figure 6).' },
  { slug: 'feature-collision', kind: 'feature-collision', name: 'Poison Frogs feature collision', publication: 'shafahi2018', description: 'Algorithm 1 of Shafahi et al. 2018 in the transfer-learning setting.' },
  { slug: 'watermark', kind: 'watermark', name: 'Watermark', publication: 'shafahi2018', description: 'Base image blended with the target at opacity gamma.' },
  { slug: 'feature-collision-watermark', kind: 'feature-collision-watermark', name: 'Feature collision with watermark', publication: 'shafahi2018', description: 'Feature collision starting from a watermarked base (end-to-end setting).' },
] as const;

export const BUILTIN_DEFENSES = [
  { slug: 'none', kind: 'none', name: 'No defense', description: 'Train on the poisoned data as is.' },
  { slug: 'pixel-clustering', kind: 'pixel-clustering', name: 'Pixel-space clustering', description: 'Agglomerative L2 clustering of unlabeled images; drops the suspicious cluster.' },
  { slug: 'training-dynamics', kind: 'training-dynamics-influence', name: 'Training-dynamics influence', description: 'Scores unlabeled examples by their neighbours\' influence across epochs (Carlini 2021, Section 6).' },
  { slug: 'deep-knn', kind: 'deep-knn', name: 'Deep k-NN', description: 'Flags examples whose feature-space neighbours disagree with their label (feature collision).' },
] as const;
