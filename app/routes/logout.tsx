import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout";
import { Button } from "~/components/ui/button";
import { signOut } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Log out · Bearing" }];

// Logging out changes state, so it is a POST; a GET only asks (a link cannot log anyone out).
export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.auth) throw redirect("/login");
  return null;
}

export async function action({ context }: ActionFunctionArgs) {
  return signOut(context);
}

export default function LogoutPage() {
  return (
    <AuthLayout title="Log out of Bearing?">
      <Form method="post">
        <Button className="w-full">Log out</Button>
      </Form>
    </AuthLayout>
  );
}
