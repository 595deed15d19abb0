import yauzl from 'yauzl'

/** Entry names of a zip file (a browser download's path), read with yauzl. */
export async function zipNames(file: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, z) => {
      if (err) reject(err)
      else resolve(z)
    })
  })
  return await new Promise((resolve, reject) => {
    const names: string[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName)
      zip.readEntry()
    })
    zip.on('end', () => {
      resolve(names)
    })
    zip.on('error', reject)
    zip.readEntry()
  })
}
