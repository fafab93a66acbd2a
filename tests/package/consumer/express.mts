// Type-checked by tests/package/types.test.ts: a TypeScript Express app reads the verdict the
// middleware attaches without a cast (decorum/express declares it on Express's Request and Locals).
import express from 'express';
import type { Action, Label } from 'decorum';
import { moderationMiddleware } from 'decorum/express';

const app = express();
app.use(express.json());
app.post('/comments', moderationMiddleware(), (req, res) => {
  const action: Action | undefined = req.moderation?.action;
  const labels: Label[] | undefined = res.locals.moderation?.labels;
  res.status(201).json({ action, labels });
});
export { app };
