/** The article's example as the CLI prints it: its inputs and the expected diff. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ARTICLE = fileURLToPath(new URL('../corpus/article/', import.meta.url));
export const ARTICLE_POLICY = `${ARTICLE}policy.json`;
export const ARTICLE_UNUSED = `${ARTICLE}unused.json`;
export const ARTICLE_CATALOG = `${ARTICLE}catalog-2024.json`;
/** The same unused set as evidence of use: an Access Advisor response for the article's role, and a used-actions list. */
export const ARTICLE_LAST_ACCESSED = `${ARTICLE}last-accessed.json`;
export const ARTICLE_USED = `${ARTICLE}used.txt`;
/** The 2024 catalog is identified by the sha256 of its bytes, and messages name it so. */
export const ARTICLE_CATALOG_SHA256 = createHash('sha256').update(readFileSync(ARTICLE_CATALOG)).digest('hex');
export const ARTICLE_CATALOG_NAME = `catalog file sha256:${ARTICLE_CATALOG_SHA256}`;

/** The diff of the article's figure, for a policy named `name`. */
export function articleDiff(name: string): string {
  return `--- ${name}
+++ ${name} (recommended)
@@ -1,28 +1,26 @@
 {
   "Version": "2012-10-17",
   "Statement": [
     {
       "Effect": "Allow",
       "Action": [
-        "lambda:AddPermission",
-        "lambda:GetFunctionConfiguration",
-        "lambda:UpdateFunctionConfiguration",
-        "lambda:UpdateFunctionCode",
-        "lambda:CreateFunction",
-        "lambda:DeleteFunction",
-        "lambda:ListVersionsByFunction",
-        "lambda:GetFunction",
         "lambda:Invoke*"
       ],
       "Resource": "arn:aws:lambda:us-east-1:123456789012:function:my-lambda"
     },
     {
       "Effect": "Allow",
       "Action": [
-        "s3:Get*",
+        "s3:GetAccess*",
+        "s3:GetAccountPublicAccessBlock",
+        "s3:GetDataAccess",
+        "s3:GetJobTagging",
+        "s3:GetMulti*",
+        "s3:GetObject*",
+        "s3:GetStorage*",
         "s3:List*"
       ],
       "Resource": "*"
     }
   ]
 }
`;
}
