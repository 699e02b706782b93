import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAvatarRecord } from './ens-avatar-record';
import { fetchTokenMetadata, httpsUrlOf, parseMetadata, safeImageUrl } from './token-metadata';

const CID = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: 'Ape\u0000 #1', image: `ipfs://${CID}/1.png`, attributes: [] }));
    } else if (req.url === '/big.json') {
      // No content-length: the cap must hold while reading.
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 40; i++) res.write(' '.repeat(1024));
      res.end('{}');
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: `${base}/ok.json` });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const local = { allowHttpHosts: ['127.0.0.1'] };

describe('token metadata', () => {
  it('maps ipfs:// and ar:// to https gateways and refuses other schemes', () => {
    expect(httpsUrlOf(`ipfs://${CID}/7.json`)).toBe(`https://ipfs.io/ipfs/${CID}/7.json`);
    expect(httpsUrlOf(`ipfs://ipfs/${CID}`)).toBe(`https://ipfs.io/ipfs/${CID}`);
    expect(httpsUrlOf(`ar://${'a'.repeat(43)}`)).toBe(`https://arweave.net/${'a'.repeat(43)}`);
    expect(httpsUrlOf('https://meta.example/1')).toBe('https://meta.example/1');
    expect(httpsUrlOf('http://meta.example/1')).toBeUndefined();
    expect(httpsUrlOf('javascript:alert(1)')).toBeUndefined();
    expect(httpsUrlOf('https://u:p@meta.example/1')).toBeUndefined();
  });

  it('keeps only safe images', () => {
    expect(safeImageUrl('https://img.example/a.png')).toBe('https://img.example/a.png');
    expect(safeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImageUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
    expect(safeImageUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeImageUrl('http://img.example/a.png')).toBeUndefined();
    expect(safeImageUrl(42)).toBeUndefined();
  });

  it('keeps name, description and image as plain text, nothing else', () => {
    expect(
      parseMetadata({
        name: ' Ape\u202e #1 ',
        description: 'x'.repeat(1000),
        image_url: 'https://img.example/1.png',
        animation_url: 'https://x',
      }),
    ).toEqual({ name: 'Ape #1', description: `${'x'.repeat(599)}…`, image: 'https://img.example/1.png' });
    expect(parseMetadata(['not', 'an', 'object'])).toEqual({});
  });

  it('decodes data: JSON (base64 and percent-encoded) without fetching', async () => {
    const json = JSON.stringify({ name: 'On-chain #9', image: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(await fetchTokenMetadata(`data:application/json;base64,${btoa(json)}`)).toEqual({
      name: 'On-chain #9',
      image: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(await fetchTokenMetadata(`data:application/json,${encodeURIComponent(json)}`)).toMatchObject({
      name: 'On-chain #9',
    });
    await expect(fetchTokenMetadata('data:text/html,<b>x</b>')).rejects.toMatchObject({ kind: 'refused' });
  });

  it('fetches over the network with a size cap and refuses non-https URIs', async () => {
    expect(await fetchTokenMetadata(`${base}/ok.json`, local)).toEqual({
      name: 'Ape #1',
      image: `https://ipfs.io/ipfs/${CID}/1.png`,
    });
    expect(await fetchTokenMetadata(`${base}/redirect`, local)).toMatchObject({ name: 'Ape #1' });
    await expect(
      fetchTokenMetadata(`${base}/big.json`, { ...local, maxBytes: 16 * 1024 }),
    ).rejects.toMatchObject({
      kind: 'too_large',
    });
    await expect(fetchTokenMetadata(`${base}/missing.json`, local)).rejects.toMatchObject({
      kind: 'unreachable',
    });
    await expect(fetchTokenMetadata(`${base}/ok.json`)).rejects.toMatchObject({ kind: 'refused' });
  });
});

describe('parseAvatarRecord', () => {
  it('reads URLs and NFT pointers', () => {
    expect(parseAvatarRecord('https://img.example/a.png')).toEqual({
      kind: 'url',
      url: 'https://img.example/a.png',
    });
    expect(parseAvatarRecord('eip155:1/erc721:0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D/10')).toEqual({
      kind: 'nft',
      chainId: 1,
      standard: 'erc721',
      contract: '0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d',
      tokenId: 10n,
    });
    expect(parseAvatarRecord('eip155:1/erc20:0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D/10')).toBeUndefined();
    expect(parseAvatarRecord('http://img.example/a.png')).toBeUndefined();
    expect(parseAvatarRecord('data:image/png;base64,AAAA')).toBeUndefined();
  });
});
